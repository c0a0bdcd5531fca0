#!/usr/bin/env node
// The `cims` command. The server runs from its TypeScript sources through tsx, so there is no
// separate server build to forget.
require('tsx/cjs/api').register();
const { main, reportError } = require('../server/cli.ts');
main(process.argv.slice(2)).then((code) => process.exit(code), (err) => process.exit(reportError(err)));
