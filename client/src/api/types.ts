import type { paths } from './schema';

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
