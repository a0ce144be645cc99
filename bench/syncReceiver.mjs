/**
 * The sync benchmark's downstream receiver, in its own process (a downstream system is not part of the
 * hub, so its CPU must not count as the hub's). Answers 204 to every POST and remembers, per webhook-id,
 * the first arrival and the change's time (`timestamp` in the body). Driven over the IPC channel of
 * `child_process.fork`:
 *   → { type: 'wait', count }  ← { type: 'reached', count } once that many distinct webhook-ids arrived
 *   → { type: 'report' }       ← { type: 'report', count, latencies: [ms…], cpu: { user, system } µs }
 *   → { type: 'reset' }        forgets the arrivals (and restarts the CPU clock)
 * Sends { type: 'listening', port } when ready.
 */
import http from 'node:http';

const arrivals = new Map();
let cpuStart = process.cpuUsage();
let waiting = null;

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const id = String(req.headers['webhook-id']);
    if (!arrivals.has(id)) {
      const body = JSON.parse(Buffer.concat(chunks).toString());
      arrivals.set(id, Date.now() - Date.parse(body.timestamp));
      if (waiting !== null && arrivals.size >= waiting) {
        waiting = null;
        process.send({ type: 'reached', count: arrivals.size });
      }
    }
    res.writeHead(204).end();
  });
});
server.keepAliveTimeout = 5000;

process.on('message', (message) => {
  if (message.type === 'wait') {
    if (arrivals.size >= message.count) process.send({ type: 'reached', count: arrivals.size });
    else waiting = message.count;
  } else if (message.type === 'report') {
    process.send({ type: 'report', count: arrivals.size, latencies: [...arrivals.values()], cpu: process.cpuUsage(cpuStart) });
  } else if (message.type === 'reset') {
    arrivals.clear();
    waiting = null;
    cpuStart = process.cpuUsage();
  }
});
process.on('disconnect', () => server.close(() => process.exit(0)));

server.listen(0, '127.0.0.1', () => process.send({ type: 'listening', port: server.address().port }));
