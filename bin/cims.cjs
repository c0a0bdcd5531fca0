#!/usr/bin/env node
// The `cims` command. The server runs from its TypeScript sources through tsx, so there is no
// separate server build to forget.
require('tsx/cjs/api').register();
// tsx maps every stack trace back to the TypeScript source, and the database layer captures a
// stack on every query; in production that mapping costs about a tenth of the server's CPU.
// CIMS_SOURCE_MAPS=1 keeps it on there too.
if (process.env.NODE_ENV === 'production' && process.env.CIMS_SOURCE_MAPS !== '1') process.setSourceMapsEnabled(false);
const { main, reportError } = require('../server/cli.ts');
main(process.argv.slice(2)).then((code) => process.exit(code), (err) => process.exit(reportError(err)));
