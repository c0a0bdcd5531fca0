// The versioned interface for permit systems (/interfaces/v1): Bill To lookup and search, blanket
// securities, work in process, and the change feed. Every call names its client, is logged, and
// is rate-limited per client.
import { Router, type NextFunction, type Request, type Response } from 'express';
import express from 'express';
import { Op, Sequelize, type WhereOptions } from 'sequelize';
import type { z } from 'zod';
import { abilityFromRules } from '../../config/abilities';
import { accountNumberProblem, ACCOUNT_NUMBER_MESSAGES } from '../../config/account-numbers';
import type { Database } from '../db';
import { recordEvent } from '../domain/history';
import { today } from '../domain/insurance';
import { completeInactivation } from '../domain/work';
import { badRequest, fieldErrors, HttpError, notFound, unauthorized } from '../errors';
import { ApiClient, BillingAccount, Customer, Event, Security, WorkItem } from '../models';
import { containsPattern, normalizeText } from '../rest/search';
import type { WriteContext } from '../rest/resource';
import { maskFein } from '../resources/fields';
import { toBillTo } from './bill-to';
import { clientForToken, RateLimiter } from './clients';
import { openApiDocument } from './openapi';
import { FeedQuery, SearchQuery, WorkReport } from './schemas';

export interface InterfaceOptions {
  readonly ratePerMinute: number;
  readonly log?: (line: Record<string, unknown>) => void;
}

const clients = new WeakMap<Request, ApiClient>();

export function interfaceRouter(db: Database, options: InterfaceOptions): Router {
  const router = Router();
  const limiter = new RateLimiter(options.ratePerMinute);
  const log = options.log ?? ((line) => console.log(JSON.stringify(line)));

  router.get('/openapi.json', (_req, res) => res.json(openApiDocument()));
  router.use(express.json({ limit: '64kb' }));
  router.use(authenticate(limiter, log));

  router.get('/billing-accounts/:accountNumber', async (req, res) => {
    const row = await billingByNumber(req, String(req.params.accountNumber));
    res.json((await toBillTo([row]))[0]);
  });

  router.get('/billing-accounts', async (req, res) => {
    const q = parse(SearchQuery, req.query);
    const client = clientOf(req);
    const where: WhereOptions[] = [{ permitSystem: client.permitSystem }, { status: q.status ?? 'active' }];
    const order: [unknown, string][] = [];
    if (q.q) {
      where.push(Sequelize.where(Sequelize.col('BillingAccount.search_text'), { [Op.like]: Sequelize.literal(`${db.sequelize.escape(containsPattern(q.q))} ESCAPE '\\'`) }));
      // Relevance: the exact number first, then names that begin with the words, then the rest.
      const term = db.sequelize.escape(normalizeText(q.q));
      const prefix = db.sequelize.escape(`${normalizeText(q.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      order.push([Sequelize.literal(`CASE WHEN "BillingAccount"."account_number" = ${term} THEN 0 WHEN "BillingAccount"."search_text" LIKE ${prefix} ESCAPE '\\' THEN 1 ELSE 2 END`), 'ASC']);
    }
    order.push(['billingName', 'ASC'], ['id', 'ASC']);
    const customerWhere: Record<string, unknown> = {};
    if (q.bpid) customerWhere.bpid = q.bpid;
    if (q.accountType) customerWhere.accountType = q.accountType;
    const rows = await BillingAccount.findAll({
      where: { [Op.and]: where },
      include: Object.keys(customerWhere).length ? [{ model: Customer, as: 'customer', where: customerWhere, required: true, attributes: [] }] : [],
      order: order as never,
      limit: q.limit ?? 50,
    });
    res.json(await toBillTo(rows));
  });

  router.get('/customers/:accountNumber/securities', async (req, res) => {
    const number = checkedNumber(String(req.params.accountNumber));
    const customer = await Customer.findOne({ where: { accountNumber: number } });
    if (!customer) throw notFound('customer account');
    const on = today();
    const all = await Security.findAll({ where: { customerId: customer.id, blanket: true }, order: [['expiresOn', 'ASC'], ['id', 'ASC']] });
    const inForce = all.filter((s) => (!s.effectiveOn || s.effectiveOn <= on) && (!s.expiresOn || s.expiresOn >= on) && s.amount !== null);
    const totalCents = inForce.reduce((sum, s) => sum + BigInt(s.amount!.replace('.', '')), 0n);
    res.json({
      customer: { accountNumber: customer.accountNumber, name: customer.name, status: customer.status },
      securities: inForce.map((s) => ({
        systemNumber: s.systemNumber, securityType: s.securityType, issuerName: s.issuerName, amount: s.amount!, effectiveOn: s.effectiveOn, expiresOn: s.expiresOn,
      })),
      blanketTotal: `${totalCents / 100n}.${String(totalCents % 100n).padStart(2, '0')}`,
    });
  });

  router.put('/billing-accounts/:accountNumber/work/:externalId', async (req, res) => {
    const report = parse(WorkReport, req.body ?? {});
    const externalId = String(req.params.externalId);
    if (!/^[\w.:-]{1,120}$/.test(externalId)) throw badRequest('The work id is 1–120 letters, digits, dots, colons, dashes or underscores.');
    const client = clientOf(req);
    const body = await db.transaction(async (t) => {
      const billing = await billingByNumber(req, String(req.params.accountNumber), t);
      const ctx: WriteContext = { db, t, user: systemUser(client), ability: abilityFromRules([]) };
      const existing = await WorkItem.findOne({ where: { billingAccountId: billing.id, permitSystem: client.permitSystem, externalId }, transaction: t, lock: t.LOCK.UPDATE });
      const description = report.description ?? existing?.description ?? null;
      let item = existing;
      // The same report twice changes nothing.
      if (!existing || existing.state !== report.state || existing.description !== description) {
        const now = new Date();
        item = existing
          ? await existing.update({ state: report.state, description, closedAt: report.state === 'closed' ? now : null }, { transaction: t })
          : await WorkItem.create({ billingAccountId: billing.id, apiClientId: client.id, permitSystem: client.permitSystem, externalId, state: report.state, description, openedAt: now, closedAt: report.state === 'closed' ? now : null }, { transaction: t });
        const parent = await Customer.findByPk(billing.customerId, { attributes: ['accountNumber'], transaction: t });
        await recordEvent(t, {
          entityType: 'billing-accounts', entityId: billing.id, action: report.state === 'open' ? 'work_opened' : 'work_closed',
          place: { accountNumber: billing.accountNumber, customerAccountNumber: parent?.accountNumber ?? null, status: billing.status },
          actorId: null, changes: { work: [existing ? `${externalId}: ${existing.state}` : null, `${externalId}: ${report.state}`] },
          reason: `Reported by ${client.name} (${client.permitSystem})${description ? `: ${description}` : ''}`,
        });
        if (report.state === 'closed') await completeInactivation(ctx, billing);
      }
      return {
        accountNumber: billing.accountNumber, externalId, state: item!.state, description: item!.description,
        openedAt: item!.openedAt.toISOString(), closedAt: item!.closedAt?.toISOString() ?? null, accountStatus: billing.status,
      };
    });
    res.json(body);
  });

  router.get('/events', async (req, res) => {
    const q = parse(FeedQuery, req.query);
    const client = clientOf(req);
    const after = Number(q.after ?? 0);
    const rows = await Event.findAll({
      where: {
        id: { [Op.gt]: after },
        [Op.or]: [
          { entityType: 'customers' },
          { entityType: 'billing-accounts', entityId: { [Op.in]: Sequelize.literal(`(SELECT id FROM billing_accounts WHERE permit_system = ${db.sequelize.escape(client.permitSystem)})`) } },
        ],
      },
      order: [['id', 'ASC']],
      limit: q.limit ?? 100,
    });
    const events = rows.map((e) => ({
      id: e.id, entityType: e.entityType, entityId: e.entityId, action: e.action, accountNumber: e.accountNumber,
      customerAccountNumber: e.customerAccountNumber, status: e.status, at: e.at.toISOString(), changes: maskChanges(e.changes),
    }));
    res.json({ events, next: String(rows.at(-1)?.id ?? after) });
  });

  router.use(() => {
    throw notFound('interface route');
  });
  return router;
}

function authenticate(limiter: RateLimiter, log: (line: Record<string, unknown>) => void) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const started = Date.now();
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const client = match ? await clientForToken(match[1]) : null;
    if (!client) return next(unauthorized('Send a valid bearer token: Authorization: Bearer <token> (see cims api-client add).'));
    res.on('finish', () => log({ at: new Date().toISOString(), interface: 'v1', client: client.name, method: req.method, path: req.originalUrl, status: res.statusCode, ms: Date.now() - started }));
    const wait = limiter.take(client.id);
    if (wait > 0) return next(new HttpError(429, `Too many requests from ${client.name}; try again in ${wait} s.`, undefined, { 'Retry-After': String(wait) }));
    clients.set(req, client);
    // Last use is written at most once a minute, so that reads stay reads.
    if (!client.lastUsedAt || Date.now() - client.lastUsedAt.getTime() > 60_000) await ApiClient.update({ lastUsedAt: new Date() }, { where: { id: client.id } });
    next();
  };
}

function clientOf(req: Request): ApiClient {
  const client = clients.get(req);
  if (!client) throw unauthorized();
  return client;
}

/** Calls by an API client are recorded without a user; the event's reason names the client. */
function systemUser(client: ApiClient) {
  return { id: 0, username: `api:${client.name}`, fullName: client.name, roles: [], district: null };
}

function checkedNumber(number: string): string {
  const problem = accountNumberProblem(number);
  if (problem) throw badRequest(ACCOUNT_NUMBER_MESSAGES[problem]);
  return number;
}

/** A billing account of the client's own permit system, by its number. */
async function billingByNumber(req: Request, number: string, t?: import('sequelize').Transaction): Promise<BillingAccount> {
  const row = await BillingAccount.findOne({ where: { accountNumber: checkedNumber(number), permitSystem: clientOf(req).permitSystem }, transaction: t, lock: t ? t.LOCK.UPDATE : undefined });
  if (!row) throw notFound('billing account');
  return row;
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const errors = fieldErrors(r.error.issues, 'request');
  throw new HttpError(400, Object.entries(errors).map(([k, v]) => `${k}: ${v}`).join('; '), errors);
}

function maskChanges(changes: Record<string, [unknown, unknown]>): Record<string, [unknown, unknown]> {
  if (!changes.fein) return changes;
  return { ...changes, fein: changes.fein.map((v) => (v ? maskFein(v) : v)) as [unknown, unknown] };
}

