import type { components, paths } from './schema';

/** A named schema of the contract (`UserDto`, `CreateUserRequest`, …). */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

type JsonBody<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body of a documented response, read from the generated contract. */
export type ResponseBody<
  Path extends keyof paths,
  Method extends keyof paths[Path],
  Status extends number = 200,
> = paths[Path][Method] extends { responses: infer Responses }
  ? Status extends keyof Responses
    ? JsonBody<Responses[Status]>
    : never
  : never;
