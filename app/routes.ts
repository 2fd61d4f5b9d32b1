import { type RouteConfig, index, layout, route } from "@react-router/dev/routes";

export default [
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.tsx"),
  route("healthz", "routes/healthz.ts"),
  layout("routes/app-layout.tsx", [
    index("routes/home.tsx"),
    route("youth", "routes/youth-list.tsx"),
    route("youth/:youthId", "routes/youth-detail.tsx"),
    route("youth/:youthId/parties/new", "routes/party-new.tsx"),
    route("youth/:youthId/parties/:partyId/edit", "routes/party-edit.tsx"),
    route("youth/:youthId/parties/:partyId/replace", "routes/party-replace.tsx"),
    route("youth/:youthId/safety-plan", "routes/safety-plan.tsx"),
    route("youth/:youthId/concern", "routes/concern-new.tsx"),
    route("youth/:youthId/csec", "routes/csec-review.tsx"),
    route("youth/:youthId/requests/new", "routes/request-new.tsx"),
    route("requests", "routes/requests-queue.tsx"),
    route("requests/:requestId", "routes/request-detail.tsx"),
    route("admin", "routes/admin.tsx"),
    route("*", "routes/not-found.tsx"),
  ]),
] satisfies RouteConfig;
