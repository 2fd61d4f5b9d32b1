/**
 * Imported first by scripts/serve.ts: React and React Router choose their production or
 * development build from NODE_ENV the first time anything imports them, and serve.ts's own
 * imports (the demo seed, the mail scheduler) reach React Router before the server starts. Set
 * here, before any of them load, so one build of React serves every request. (Without it, an
 * `npm start` with NODE_ENV unset loaded React's development build and React DOM's production
 * one, and every page answered 500.)
 */
process.env.NODE_ENV = "production";
