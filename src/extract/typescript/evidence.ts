/** What an argument carries: property chains, objects, text, through aliases and transforms. */
import type ts from 'typescript';
import typescript from '../../typescript-runtime.js';
import { SK, isBinaryExpression, isCallExpression, isElementAccessExpression, isIdentifier, isPropertyAccessExpression, isPropertyAssignment, isShorthandPropertyAssignment, isSpreadAssignment, isStringLiteralLike, isTemplateExpression } from './tsapi.js';
import type { Evidence } from '../../core/facts.js';
import { spanOf, type TypeOracle, type WalkContext } from './context.js';
import { kindOf } from './kinds.js';
import {
  isSanitizerName,
  NON_VALUE_CALLS,
  NON_VALUE_MEMBERS,
  PASS_THROUGH_CALLS,
  TRANSFORM_METHODS,
} from './names.js';
import { calleeName, chainOf, propertyNameText, unwrap } from './paths.js';

const MAX_DEPTH = 14;

/** Constants that are never data. */
const NON_DATA_IDENTIFIERS = new Set(['undefined', 'NaN', 'Infinity', 'globalThis', 'window', 'document', '__dirname', '__filename']);

/** `DOB: ${d}`, `HL7 message: ${raw}`: the words just before an interpolation name what it holds. */
const LABEL_BEFORE = /([A-Za-z][A-Za-z0-9 _-]{1,40}?)\s*[:=]\s*$/;

function labelBefore(before: string, expression: ts.Expression): string | undefined {
  const e = unwrap(expression);
  if (e.kind !== SK.Identifier && e.kind !== SK.PropertyAccessExpression) return undefined;
  return LABEL_BEFORE.exec(before.slice(-48))?.[1]?.trim();
}

export function evidenceOf(expr: ts.Expression, ctx: WalkContext, depth = 0): Evidence[] {
  const out: Evidence[] = [];
  collect(expr, ctx, depth, out);
  return out;
}

function collect(expr: ts.Expression, ctx: WalkContext, depth: number, out: Evidence[]): void {
  if (depth > MAX_DEPTH) return;
  const e = unwrap(expr);
  switch (e.kind) {
    case SK.StringLiteral:
    case SK.NoSubstitutionTemplateLiteral:
      pushText(ctx, e, (e as ts.StringLiteralLike).text, out);
      return;
    case SK.TemplateExpression: {
      const t = e as ts.TemplateExpression;
      pushText(ctx, t.head, t.head.text, out);
      let before = t.head.text;
      for (const span of t.templateSpans) {
        const from = out.length;
        collect(span.expression, ctx, depth + 1, out);
        const label = labelBefore(before, span.expression);
        const added = out[from];
        if (label && out.length === from + 1 && added?.kind === 'field') out[from] = { ...added, label };
        pushText(ctx, span.literal, span.literal.text, out);
        before = span.literal.text;
      }
      return;
    }
    case SK.Identifier:
      identifier(e as ts.Identifier, ctx, out);
      return;
    case SK.PropertyAccessExpression:
    case SK.ElementAccessExpression:
      member(e as ts.PropertyAccessExpression | ts.ElementAccessExpression, ctx, out);
      return;
    case SK.CallExpression:
      call(e as ts.CallExpression, ctx, depth, out);
      return;
    case SK.NewExpression: {
      const n = e as ts.NewExpression;
      if (calleeName(n.expression) === 'Date') for (const a of n.arguments ?? []) collect(a, ctx, depth + 1, out);
      return;
    }
    case SK.BinaryExpression:
      binary(e as ts.BinaryExpression, ctx, depth, out);
      return;
    case SK.ConditionalExpression: {
      const c = e as ts.ConditionalExpression;
      collect(c.whenTrue, ctx, depth + 1, out);
      collect(c.whenFalse, ctx, depth + 1, out);
      return;
    }
    case SK.ObjectLiteralExpression:
      objectLiteral(e as ts.ObjectLiteralExpression, ctx, depth, out);
      return;
    case SK.ArrayLiteralExpression:
      for (const el of (e as ts.ArrayLiteralExpression).elements) collect(el, ctx, depth + 1, out);
      return;
    case SK.SpreadElement:
      collect((e as ts.SpreadElement).expression, ctx, depth + 1, out);
      return;
    default:
      // literals, `typeof`, `!x`, arithmetic, functions, JSX, `this`: no data of their own
      return;
  }
}

function pushText(ctx: WalkContext, node: ts.Node, text: string, out: Evidence[]): void {
  if (text.trim().length < 2) return;
  out.push({ kind: 'text', text, span: spanOf(ctx, node) });
}

function typedEvidence(id: ts.Identifier, typed: NonNullable<ReturnType<TypeOracle['objectEvidence']>>, ctx: WalkContext): Evidence {
  return { kind: 'object', path: id.text, span: spanOf(ctx, id), why: typed.why, typedCategory: typed.category ?? 'other-unique-id', ...(typed.model ? { model: typed.model } : {}) };
}

function identifier(id: ts.Identifier, ctx: WalkContext, out: Evidence[]): void {
  if (NON_DATA_IDENTIFIERS.has(id.text)) return;
  const b = ctx.scope.lookup(id.text);
  if (b?.kind) return;
  if (b?.evidence) {
    // A local whose initializer says nothing (`await store.load(id)`) may still have a PHI type.
    if (b.evidence.length === 0) {
      const typed = ctx.types?.objectEvidence(id);
      if (typed) out.push(typedEvidence(id, typed, ctx));
      return;
    }
    if (b.built) out.push(...b.evidence);
    else {
      const span = spanOf(ctx, id);
      for (const ev of b.evidence) out.push({ ...ev, span });
    }
    return;
  }
  const typed = ctx.types?.objectEvidence(id);
  if (typed) {
    out.push(typedEvidence(id, typed, ctx));
    return;
  }
  out.push({ kind: 'field', path: id.text, span: spanOf(ctx, id) });
}

/** `req.body`, `request.body`, `ctx.request.body`: the whole inbound payload. */
function isRequestBody(chain: readonly string[], root: ts.Expression, ctx: WalkContext): boolean {
  const last = chain[chain.length - 1];
  if (last !== 'body' || chain.length < 2 || chain.length > 3) return false;
  if (chain.length === 3 && chain[1] !== 'request') return false;
  return kindOf(root, ctx) === 'request' || chain[0] === 'event';
}

function member(e: ts.PropertyAccessExpression | ts.ElementAccessExpression, ctx: WalkContext, out: Evidence[]): void {
  const chain = chainOf(e);
  if (!chain || chain.length === 0) return;
  const root = chain[0] as string;
  const last = chain[chain.length - 1] as string;
  if (root === 'process' && chain[1] === 'env') return;
  if (NON_VALUE_MEMBERS.has(last)) return;
  const span = spanOf(ctx, e);
  const path = chain.join('.');
  const rootNode = rootIdentifier(e);
  if (rootNode && isRequestBody(chain, rootNode, ctx)) {
    out.push({ kind: 'object', path, span, why: 'the whole request body', payload: 'request' });
    return;
  }
  if (chain.length === 2 && (root === 'job' || root === 'msg' || root === 'message') && (last === 'data' || last === 'payload')) {
    out.push({ kind: 'object', path, span, why: 'the whole queue job payload', payload: 'job' });
    return;
  }
  const b = root === 'this' ? undefined : ctx.scope.lookup(root);
  if (b?.kind && b.kind !== 'request') return;
  if (b?.evidence && (b.built || b.evidence.length === 0)) return;
  if (b?.evidence && b.evidence.length === 1 && b.evidence[0]?.kind === 'object' && chain.length === 1) {
    out.push({ ...b.evidence[0], span });
    return;
  }
  out.push({ kind: 'field', path, span });
}

function rootIdentifier(e: ts.Expression): ts.Identifier | undefined {
  let cur = unwrap(e);
  while (isPropertyAccessExpression(cur) || isElementAccessExpression(cur)) cur = unwrap(cur.expression);
  return isIdentifier(cur) ? cur : undefined;
}

/** True when a call's callee chain passes through a masking / hashing / encryption function. */
export function isSanitizedCall(call: ts.CallExpression, ctx: WalkContext): boolean {
  let cur: ts.Expression = call;
  for (let i = 0; i < 10; i++) {
    cur = unwrap(cur);
    if (isCallExpression(cur)) {
      const name = calleeName(cur.expression);
      if (name && isSanitizerName(name, ctx.sanitizers)) return true;
      cur = cur.expression;
    } else if (isPropertyAccessExpression(cur)) {
      cur = cur.expression;
    } else {
      return false;
    }
  }
  return false;
}

function call(e: ts.CallExpression, ctx: WalkContext, depth: number, out: Evidence[]): void {
  if (isSanitizedCall(e, ctx)) return;
  const callee = unwrap(e.expression);
  const name = calleeName(callee);
  if (!name) return;
  if (NON_VALUE_CALLS.has(name)) return;
  if (isPropertyAccessExpression(callee)) {
    const recvKind = kindOf(callee.expression, ctx);
    if (recvKind === 'request' && (name === 'json' || name === 'formData' || name === 'text')) {
      out.push({ kind: 'object', path: `${chainOf(callee.expression)?.join('.') ?? 'req'}.${name}()`, span: spanOf(ctx, e), why: 'the whole request body', payload: 'request' });
      return;
    }
    if (TRANSFORM_METHODS.has(name)) {
      collect(callee.expression, ctx, depth + 1, out);
      if (name === 'concat' || name === 'format') for (const a of e.arguments) collect(a, ctx, depth + 1, out);
      return;
    }
  }
  if (PASS_THROUGH_CALLS.has(name)) {
    if (name === 'stringify' || name === 'parse' || name === 'from' || name === 'values' || name === 'String' || name === 'encodeURIComponent' || name === 'encodeURI' || name === 'structuredClone' || name === 'escape' || name === 'toString') {
      const first = e.arguments[0];
      if (first) collect(first, ctx, depth + 1, out);
      return;
    }
    for (const a of e.arguments) collect(a, ctx, depth + 1, out);
  }
}

function binary(e: ts.BinaryExpression, ctx: WalkContext, depth: number, out: Evidence[]): void {
  switch (e.operatorToken.kind) {
    case SK.PlusToken:
    case SK.QuestionQuestionToken:
    case SK.BarBarToken:
      collect(e.left, ctx, depth + 1, out);
      collect(e.right, ctx, depth + 1, out);
      return;
    case SK.AmpersandAmpersandToken:
    case SK.CommaToken:
    case SK.EqualsToken:
      collect(e.right, ctx, depth + 1, out);
      return;
    default:
      return;
  }
}

/** A value whose own expression says nothing, so the key names it (`{ patientName: ds.string(t) }`). */
function isOpaqueValue(value: ts.Expression, ctx: WalkContext): boolean {
  const v = unwrap(value);
  if (isCallExpression(v)) {
    const name = calleeName(v.expression);
    return !!name && !NON_VALUE_CALLS.has(name) && !isSanitizedCall(v, ctx);
  }
  return isElementAccessExpression(v) && !isStringLiteralLike(v.argumentExpression);
}

function objectLiteral(obj: ts.ObjectLiteralExpression, ctx: WalkContext, depth: number, out: Evidence[]): void {
  for (const p of obj.properties) {
    if (isPropertyAssignment(p)) {
      const before = out.length;
      collect(p.initializer, ctx, depth + 1, out);
      if (out.length === before && isOpaqueValue(p.initializer, ctx)) {
        const key = propertyNameText(p.name);
        if (key) out.push({ kind: 'field', path: key, span: spanOf(ctx, p.name) });
      }
    } else if (isShorthandPropertyAssignment(p)) {
      identifier(p.name, ctx, out);
    } else if (isSpreadAssignment(p)) {
      const inner: Evidence[] = [];
      collect(p.expression, ctx, depth + 1, inner);
      for (const ev of inner) {
        out.push(ev.kind === 'field' ? { kind: 'object', path: ev.path, span: ev.span, why: 'spread into the object' } : ev);
      }
    }
  }
}

/** Static text of a string-building expression, for recognising endpoints (`https://x.zendesk.com`). */
export function staticText(expr: ts.Expression, ctx: WalkContext, depth = 0): string {
  if (depth > 6) return '';
  const e = unwrap(expr);
  if (isStringLiteralLike(e)) return e.text;
  if (isTemplateExpression(e)) {
    let s = e.head.text;
    for (const span of e.templateSpans) s += staticText(span.expression, ctx, depth + 1) + span.literal.text;
    return s;
  }
  if (isBinaryExpression(e) && e.operatorToken.kind === SK.PlusToken) {
    return staticText(e.left, ctx, depth + 1) + staticText(e.right, ctx, depth + 1);
  }
  if (isIdentifier(e)) return ctx.scope.lookup(e.text)?.text ?? '';
  return '';
}
