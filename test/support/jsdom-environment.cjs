// jsdom lacks the fetch family that react-router 7 and ra-data-simple-rest use; lend it Node's.
// setImmediate too: without it React's scheduler falls back to a MessageChannel port, which keeps
// Node's event loop alive so that jest never exits.
const JSDOMEnvironment = require('jest-environment-jsdom').default;
const { TextEncoder, TextDecoder } = require('node:util');

class Environment extends JSDOMEnvironment {
  async setup() {
    await super.setup();
    const g = this.global;
    Object.assign(g, {
      TextEncoder, TextDecoder, structuredClone,
      Request, Response, Headers, fetch, AbortController, AbortSignal, FormData, Blob,
      ReadableStream, TransformStream, WritableStream, BroadcastChannel, MessageChannel, MessagePort,
      setImmediate, clearImmediate,
    });
  }
}
module.exports = Environment;
