import type { Policy } from '../policy/policy.js';
import type { PolicyRevision } from '../store/run-record.js';
import type { HtmlBlock } from './pack-html.js';
import { bold, code, escapeHtml } from './telegram-html.js';

/** A policy in force as /policy shows it: the validated policy (every default filled in), its file and revision, its schedules. */
export interface PolicySummaryInput {
  readonly policy: Policy;
  readonly revision: Omit<PolicyRevision, 'policyId'>;
  readonly schedules: readonly { readonly id: string; readonly text: string; readonly runs: readonly string[]; readonly timeZone: string }[];
}

/**
 * The effective policy in a few lines for a phone (Telegram HTML; every text from the policy escaped): the name and
 * id, the file with its git revision (`+dirty` for uncommitted edits, `unversioned` outside git) and content hash,
 * then a narrow `<pre>` table of what decides a trade (account and currency, approval and expiry, execution and costs,
 * each exit rule with its thresholds or `off`, the limits, rebalancing, strategies), then the custom rules and the
 * schedules.
 * Values are the ones in force, defaults included; `ballast show-config` prints every one.
 */
export function formatPolicySummary({ policy, revision, schedules }: PolicySummaryInput): HtmlBlock[] {
  const ccy = policy.base_currency;
  const { take_profit: tp, cut_loss: cl, stale, concentration: conc } = policy.exits;
  const ex = policy.execution;
  // Short rows: the table stays about 36 characters wide, what a phone shows without scrolling.
  const rows: [string, string][] = [
    ['account', `${policy.account} · ${ccy}`],
    ['approval', `${policy.approval.mode}, expires ${policy.approval.expires_after_hours} h`],
    ['execution', policy.dry_run ? 'dry run (records only)' : `paper · auto ${policy.auto_rebalancing ? 'on' : 'off'}`],
    ['commission', `${ex.commission_bps} bps, min ${ex.commission_min} ${ccy}`],
    ['slippage', `${ex.slippage_bps} bps`],
    ['stale price', `moved over ${ex.price_tolerance_pct}%`],
    ['price age', `≤ ${policy.max_price_age_days} days`],
    ['take profit', tp.enabled ? `+${tp.gain_pct}%: sell ${tp.sell_pct}%` : 'off'],
    ['cut loss', cl.enabled ? `−${cl.loss_pct}%, stop −${cl.hard_stop_pct}%` : 'off'],
    ['stale', stale.enabled ? `${stale.days_held} d within ±${stale.max_move_pct}%` : 'off'],
    ['concentration', conc.enabled ? `over ${conc.max_weight_pct}% → ${conc.trim_to_pct}%` : 'off'],
    ['exits/week', String(policy.limits.max_exits_per_week)],
    ['trades/run', String(policy.limits.max_trades_per_run)],
    ['min trade', `${policy.limits.min_trade_value} ${ccy}`],
    ...rebalanceRows(policy),
    ...(policy.strategies?.length ? [['strategies', `${policy.strategies.length}, ${policy.allocation?.method ?? 'fixed'} allocation`] as [string, string]] : []),
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const table = rows.map(([label, value]) => `${label.padEnd(width)}${value}`).join('\n');
  const rules = policy.rules.map((r) => `• rule ${escapeHtml(r.id)}: ${r.event.type === 'trim' ? `trim ${r.event.params.sell_pct}%` : 'exit'}${r.description ? ` — ${escapeHtml(r.description)}` : ''}`);
  const when = schedules.map((s) => `• ${escapeHtml(s.id)}: ${escapeHtml(s.text)} (${escapeHtml(s.timeZone)}) runs ${escapeHtml(s.runs.join(', '))}`);
  return [
    { html: `${bold(policy.name)} · ${code(policy.id)}\n${escapeHtml(revision.file)} @ ${code(revision.revision)} · sha256 ${escapeHtml(revision.contentHash.slice(0, 12))}` },
    { pre: table },
    { html: [...rules, ...(when.length > 0 ? when : ['• no schedules: runs when `ballast run` is called']), `defaults included; every value: ${code(`ballast show-config ${revision.file}`)}`].join('\n') },
  ];
}

function rebalanceRows(policy: Policy): [string, string][] {
  const r = policy.rebalance;
  if (r === undefined || !r.enabled) return [['rebalance', 'off']];
  const toward = r.targets ? `${Object.keys(r.targets).length} targets`
    : r.equal === 'all' ? 'equal weights'
    : r.equal?.length ? `equal ${r.equal.length}`
    : 'strategy targets';
  return [['rebalance', `${toward} → ${r.to.replace('_', ' ')}`], ['drift band', `±${r.bands.absolute_pp} pp / ${r.bands.relative_pct}%`]];
}
