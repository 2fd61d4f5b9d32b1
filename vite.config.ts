import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

export default defineConfig({
  plugins: [reactRouter()],
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  build: {
    // better-sqlite3 is a native addon; it must stay an external require on the server.
    rollupOptions: { external: ["better-sqlite3"] },
  },
});
