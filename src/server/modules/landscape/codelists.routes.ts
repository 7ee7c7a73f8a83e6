import { OpenAPIHono, z } from '@hono/zod-openapi';
import { codeLists, type CodeListName } from '../../../shared/codelists/index.js';
import { defineRoute } from '../../http/permission.js';
import type { AppEnv } from '../../http/context.js';
import { AppError, ErrorCode } from '../../http/errors.js';
import { json, problems } from '../../http/openapi.js';

export const codeListRoutes = new OpenAPIHono<AppEnv>();

const listNames = Object.keys(codeLists) as [CodeListName, ...CodeListName[]];
codeListRoutes.openapi(
  defineRoute({
    permission: 'codelists.read',
    method: 'get',
    path: '/code-lists/{name}',
    tags: ['Regio'],
    summary: 'Een iJw 3.2-codelijst (JZ020, JZ588, WJ756, COD327, WMO757)',
    request: {
      params: z.object({
        name: z
          .string()
          .regex(/^[A-Z]{2,3}\d{3}$/, 'moet de naam van een codelijst zijn, bv. JZ588')
          .openapi({ param: { name: 'name', in: 'path' }, enum: listNames }),
      }),
    },
    responses: {
      200: json(
        z.object({ name: z.string(), data: z.array(z.object({ code: z.string(), name: z.string() })) }),
        'De codes',
      ),
      ...problems(400, 404),
    },
  }),
  (c) => {
    const name = c.req.valid('param').name as CodeListName;
    // Own properties only: `__proto__` or `constructor` must not find Object's members.
    const list = Object.hasOwn(codeLists, name) ? codeLists[name] : undefined;
    if (!list) throw new AppError(ErrorCode.NotFound, `Onbekende codelijst ${name}.`);
    return c.json({ name, data: [...list] }, 200);
  },
);
