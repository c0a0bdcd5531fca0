// The admin's jsdom environment in a given time zone. jest hands each test file a copy of
// process.env, so setting TZ inside a test file does not reach Node's clock; this sets it on the
// worker's real process before the file runs, and puts it back afterwards.
const Base = require('../support/jsdom-environment.cjs');

class TimeZoneEnvironment extends Base {
  constructor(config, context) {
    super(config, context);
    this.timezone = config.projectConfig.testEnvironmentOptions.timezone;
  }

  async setup() {
    this.previousTz = process.env.TZ;
    if (this.timezone) process.env.TZ = this.timezone;
    await super.setup();
    this.global.process.env.TZ = process.env.TZ;
  }

  async teardown() {
    if (this.previousTz === undefined) delete process.env.TZ;
    else process.env.TZ = this.previousTz;
    await super.teardown();
  }
}

module.exports = TimeZoneEnvironment;
