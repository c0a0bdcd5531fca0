import { loadSettings, SettingsError } from '../../config/settings';

describe('loadSettings', () => {
  it('has defaults for development', () => {
    expect(loadSettings({})).toMatchObject({
      databaseUrl: 'sqlite:data/cims.sqlite',
      port: 3000,
      production: false,
      sessionSecret: expect.any(String),
      uploadLimitMb: 25,
      allowedOrigins: [],
      countCacheSeconds: 5,
    });
  });

  it('reads every variable', () => {
    const s = loadSettings({
      DATABASE_URL: 'postgres://u@h/db', PORT: '8080', SESSION_SECRET: 'x'.repeat(16), CIMS_UPLOAD_LIMIT_MB: '5',
      CIMS_ALLOWED_ORIGINS: 'https://a.example, https://b.example,', NODE_ENV: 'production', CIMS_COUNT_CACHE_SECONDS: '0',
    });
    expect(s).toMatchObject({
      databaseUrl: 'postgres://u@h/db', port: 8080, production: true, sessionSecret: 'x'.repeat(16), uploadLimitMb: 5,
      allowedOrigins: ['https://a.example', 'https://b.example'],
      countCacheSeconds: 0,
    });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '0' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ PORT: '80.5' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x/y' }, /DATABASE_URL: must be sqlite:PATH or postgres/],
    [{ DATABASE_URL: 'sqlite:' }, /DATABASE_URL/],
    [{ SESSION_SECRET: 'short' }, /SESSION_SECRET: must be at least 16/],
    [{ NODE_ENV: 'production' }, /SESSION_SECRET: required when NODE_ENV=production/],
    [{ CIMS_UPLOAD_LIMIT_MB: '-1' }, /CIMS_UPLOAD_LIMIT_MB/],
    [{ CIMS_COUNT_CACHE_SECONDS: '-1' }, /CIMS_COUNT_CACHE_SECONDS/],
    [{ CIMS_COUNT_CACHE_SECONDS: 'soon' }, /CIMS_COUNT_CACHE_SECONDS/],
  ])('refuses %j with a message naming it', (env, message) => {
    expect(() => loadSettings(env)).toThrow(SettingsError);
    expect(() => loadSettings(env)).toThrow(message);
  });

  it('accepts postgresql:// too, and no secret outside production', () => {
    expect(loadSettings({ DATABASE_URL: 'postgresql://h/db', NODE_ENV: 'development' }).databaseUrl).toBe('postgresql://h/db');
  });
});
