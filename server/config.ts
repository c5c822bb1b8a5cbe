import path from 'node:path';
import { z } from 'zod';
import { ACTIVITY_TYPES, type ActivityType } from '../common/enums';

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  /** Set to 0 to start on an empty database without the demo county. */
  SEED_DEMO: z.enum(['0', '1']).default('1'),
  SESSION_DAYS: z.coerce.number().int().positive().default(14),
  /** Cookies are marked Secure when the app is served over HTTPS (behind a proxy). */
  COOKIE_SECURE: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * The proxies in front of the app (addresses or CIDRs, comma-separated) whose X-Forwarded-For
   * and X-Forwarded-Proto are believed; unset, the client's own address counts.
   */
  TRUST_PROXY: z
    .string()
    .regex(/^[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*$/, 'a comma-separated list of addresses or CIDRs')
    .optional(),
  /**
   * Group-chat robots besides WeCom's and DingTalk's (a self-hosted one), as host or host:port,
   * comma-separated; these may be on a private network.
   */
  WEBHOOK_HOSTS: z.string().optional(),
  /**
   * The keys that seal phones and ID numbers, `id:base64,…`, the sealing key first; unset, the key
   * file DATA_DIR/keys/personal-data.key (made on the first start) holds them.
   */
  DATA_KEYS: z.string().optional(),
  /** The address people reach the app at, for links in QR codes, notices and calendar feeds. */
  PUBLIC_URL: z.string().url().optional(),
  MIN_ACTIVITY_HOURS: z.coerce.number().min(0).max(24).multipleOf(0.5).default(4),
  LATE_EDIT_DAYS: z.coerce.number().int().min(0).default(7),
  CHECK_IN_BEFORE_MIN: z.coerce.number().int().min(0).default(30),
  CHECK_IN_AFTER_MIN: z.coerce.number().int().min(0).default(60),
  /** How long a check-in made without a network may wait on the phone before it is refused. */
  OFFLINE_CHECKIN_HOURS: z.coerce.number().int().min(0).max(168).default(24),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(200).default(20),
  /** Largest photo in megapixels: a phone's photo is 12–50, a small file of 256 is a decompression bomb. */
  MAX_IMAGE_MEGAPIXELS: z.coerce.number().min(1).max(1000).default(100),
  /** Seconds between folds of the check-ins waiting to be added into the kept figures. */
  FOLD_INTERVAL_SEC: z.coerce.number().int().min(1).max(3600).default(10),
  /** Minutes between alert runs (they also run shortly after any change); 0 turns the schedule off. */
  ALERTS_INTERVAL_MIN: z.coerce.number().min(0).default(15),
  /** Three meetings and one lesson: the least of each per quarter, e.g. `branch_committee_meeting:3`. */
  MEETING_FREQUENCY: z
    .string()
    .regex(/^(\w+:\d+)(,\w+:\d+)*$/)
    .refine(
      (v) =>
        v.split(',').every((pair) => (ACTIVITY_TYPES as readonly string[]).includes(pair.split(':')[0]!)),
      {
        message: 'unknown activity type',
      },
    )
    .default('branch_general_meeting:1,branch_committee_meeting:3,party_group_meeting:3,party_lecture:1'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** DATA_KEYS as given; undefined: the key file in the data dir. */
  dataKeys: string | undefined;
  seedDemo: boolean;
  sessionDays: number;
  cookieSecure: boolean;
  logLevel: string;
  /** Failed logins allowed per minute, per account and per IP, before "try again in N s". */
  loginFailuresPerMinute: number;
  publicUrl: string | undefined;
  /** Proxies whose forwarded headers are believed; empty: none. */
  trustProxy: string[];
  /** "Each activity at least half a day": shorter ones need a reason. */
  minActivityHours: number;
  alertsIntervalMinutes: number;
  foldIntervalSeconds: number;
  /** Least number of each meeting type a branch holds per quarter. */
  meetingFrequency: Partial<Record<ActivityType, number>>;
  /** Records edited this many days after the activity need a reason. */
  lateEditDays: number;
  checkInBeforeMinutes: number;
  checkInAfterMinutes: number;
  offlineCheckInHours: number;
  maxUploadBytes: number;
  maxImagePixels: number;
  /** Uploaded files: DATA_DIR/files. */
  filesDir: string;
  /** Delays before each webhook attempt: at once, then backing off. */
  webhookDelaysMs: number[];
  /** Robot hosts allowed besides WeCom's and DingTalk's. */
  webhookHosts: string[];
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // `DATABASE_URL=` in a shell or an .env file means "not set", not "an invalid URL".
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = Env.safeParse(set);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Invalid environment variable ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    dataKeys: e.DATA_KEYS,
    seedDemo: e.SEED_DEMO === '1',
    sessionDays: e.SESSION_DAYS,
    cookieSecure: e.COOKIE_SECURE === '1',
    logLevel: e.LOG_LEVEL,
    loginFailuresPerMinute: 5,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    trustProxy: e.TRUST_PROXY?.split(',') ?? [],
    minActivityHours: e.MIN_ACTIVITY_HOURS,
    lateEditDays: e.LATE_EDIT_DAYS,
    checkInBeforeMinutes: e.CHECK_IN_BEFORE_MIN,
    checkInAfterMinutes: e.CHECK_IN_AFTER_MIN,
    offlineCheckInHours: e.OFFLINE_CHECKIN_HOURS,
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    maxImagePixels: Math.round(e.MAX_IMAGE_MEGAPIXELS * 1_000_000),
    filesDir: path.join(path.resolve(e.DATA_DIR), 'files'),
    webhookDelaysMs: [0, 1000, 4000],
    webhookHosts:
      e.WEBHOOK_HOSTS?.split(',')
        .map((h) => h.trim())
        .filter(Boolean) ?? [],
    alertsIntervalMinutes: e.ALERTS_INTERVAL_MIN,
    foldIntervalSeconds: e.FOLD_INTERVAL_SEC,
    meetingFrequency: Object.fromEntries(
      e.MEETING_FREQUENCY.split(',').map((pair) => {
        const [type, n] = pair.split(':');
        return [type, Number(n)];
      }),
    ),
  };
}
