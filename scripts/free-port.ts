/** A port that was free a moment ago: for the benchmarks' and the tests' servers. */
import { createServer } from "node:net";

/** A port that was free a moment ago (listen on 0, read it, close). */
export async function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, host, () => {
      const address = srv.address();
      if (address === null || typeof address === "string") {
        srv.close();
        reject(new Error("could not read the port of a listening socket"));
        return;
      }
      const { port } = address;
      srv.close(() => resolvePort(port));
    });
  });
}
