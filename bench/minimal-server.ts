// The "minimal server" baseline of performance.md: node:http and the driver, no framework, no
// session, answering GET /list with the page and count SQL that CIMS runs for the same list.
import http from 'node:http';
import { openDriver } from './driver';

async function main(): Promise<void> {
  const driver = await openDriver(process.env.BENCH_URL!);
  const page = process.env.BENCH_PAGE_SQL!;
  const count = process.env.BENCH_COUNT_SQL!;
  const server = http.createServer(async (req, res) => {
    try {
      const [rows, counted] = await Promise.all([driver.all(page), driver.all(count)]);
      const total = Number(Object.values(counted[0])[0]);
      res.writeHead(200, { 'content-type': 'application/json', 'content-range': `billing-accounts 0-${rows.length - 1}/${total}` });
      res.end(JSON.stringify(rows));
    } catch (e) {
      res.writeHead(500);
      res.end(String(e));
    }
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.BENCH_PORT), '127.0.0.1');
  process.once('SIGTERM', () => server.close(() => void driver.close().then(() => process.exit(0))));
}

void main();
