import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';
import { AppError, ErrorCode, fieldError, type InvalidParam } from './errors.js';

/**
 * Rules every request of the API obeys before any route's own schema sees it, so that no route can forget them:
 * - no NUL character anywhere (PostgreSQL text cannot hold one; a driver error would be a 500);
 * - no `__proto__`, `constructor` or `prototype` as a query or body key (prototype pollution);
 * - no query value and no string in a JSON body longer than {@link maxStringLength} (every field of the API is
 *   shorter; the longest, a contract's notes, is 5,000);
 * - a JSON body is well-formed and nests at most {@link maxDepth} levels.
 */
export const maxStringLength = 10_000;
export const maxDepth = 32;
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
const jsonType = /^application\/([\w.-]+\+)?json$/i;

const refuse = (name: string, reason: string, rule: string) => fieldError(name, reason, ErrorCode.Validation, rule);

function checkString(name: string, value: string): void {
  if (value.includes('\u0000')) throw refuse(name, 'mag geen NUL-teken bevatten', 'nul_character');
  if (value.length > maxStringLength) throw refuse(name, `mag hoogstens ${maxStringLength} tekens zijn`, 'too_long');
}

function checkKey(name: string, key: string): void {
  if (forbiddenKeys.has(key)) throw refuse(name, `de naam ${key} is niet toegestaan`, 'forbidden_key');
}

/** Walks a parsed JSON value without recursion, so a deeply nested body cannot overflow the stack. */
function checkJson(root: unknown): void {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: '', depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    const name = path || 'body';
    if (typeof value === 'string') checkString(name, value);
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) throw refuse(name, `mag hoogstens ${maxDepth} niveaus diep zijn`, 'too_deep');
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (!Array.isArray(value)) {
        checkKey(childPath, key);
        checkString(childPath, key);
      }
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
}

function decode(name: string, text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    throw refuse(name, 'is niet goed gecodeerd', 'invalid_encoding');
  }
}

function checkUrl(url: string): void {
  const { pathname, search } = new URL(url);
  for (const segment of pathname.split('/')) {
    if (decode('path', segment).includes('\u0000'))
      throw refuse('path', 'mag geen NUL-teken bevatten', 'nul_character');
  }
  for (const pair of search.slice(1).split('&').filter(Boolean)) {
    const [rawKey = '', rawValue = ''] = pair.split(/=(.*)/s);
    const key = decode('query', rawKey);
    checkString('query', key);
    checkKey(key, key);
    checkString(key, decode(key, rawValue));
  }
}

export const guardInput: MiddlewareHandler<AppEnv> = async (c, next) => {
  checkUrl(c.req.url);
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim();
  if (jsonType.test(type) && c.req.raw.body) {
    const text = await c.req.text();
    if (text.trim()) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new AppError(ErrorCode.Validation, 'De inhoud is geen geldige JSON.', [
          { name: 'body', code: 'invalid_json', reason: 'geen geldige JSON' },
        ] satisfies InvalidParam[]);
      }
      checkJson(parsed);
    }
  }
  await next();
};
