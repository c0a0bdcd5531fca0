// Before the browser journeys: is Chromium installed? If not, they are skipped, and said to be.
const { existsSync } = require('node:fs');

module.exports = async () => {
  const path = process.env.CIMS_CHROMIUM || '/usr/bin/chromium';
  process.env.CIMS_CHROMIUM = path;
  if (existsSync(path)) {
    process.env.CIMS_CHROMIUM_AVAILABLE = '1';
  } else {
    process.env.CIMS_CHROMIUM_AVAILABLE = '0';
    console.warn(`\n*** Chromium is not installed at ${path}: the browser journeys are SKIPPED (apt-get install -y chromium). ***\n`);
  }
};
