import express, { json, type NextFunction, type Request, type Response } from 'express';
import request from 'supertest';
import { readingBodies } from './reading-bodies';

/** An app whose body reading counts how often its parsers ran and turns their errors into a 400 it can see. */
function anApp() {
  const calls = { parser: 0 };
  const app = express();
  const counting = (_request: Request, _response: Response, next: NextFunction) => {
    calls.parser++;
    next();
  };
  const parseErrors = (error: unknown, _request: Request, response: Response, next: NextFunction) => {
    if ((error as { type?: string }).type === 'entity.parse.failed') response.status(400).json({ refused: 'not JSON' });
    else next(error);
  };
  app.use(readingBodies(counting, json({ limit: '1kb' }), parseErrors));
  app.all('/echo', (req: Request, response: Response) => response.json({ body: req.body ?? null }));
  return { app, calls };
}

describe('readingBodies', () => {
  it('lets a request without a body past every parser', async () => {
    const { app, calls } = anApp();
    expect((await request(app).get('/echo').expect(200)).body).toEqual({ body: null });
    expect(calls.parser).toBe(0);
  });

  it('reads a body sent with Content-Length, and one sent chunked, through the parsers in order', async () => {
    const { app, calls } = anApp();
    expect((await request(app).post('/echo').send({ a: 1 }).expect(200)).body).toEqual({ body: { a: 1 } });
    const chunked = request(app).post('/echo').set('Content-Type', 'application/json').set('Transfer-Encoding', 'chunked');
    chunked.write('{"b":');
    chunked.write('2}');
    expect((await chunked.expect(200)).body).toEqual({ body: { b: 2 } });
    expect(calls.parser).toBe(2);
  });

  it('treats an empty body (Content-Length: 0) as the parsers do', async () => {
    const { app, calls } = anApp();
    await request(app).post('/echo').set('Content-Length', '0').expect(200);
    expect(calls.parser).toBe(1);
  });

  it('hands a parser error to the error handler among them', async () => {
    const { app } = anApp();
    expect((await request(app).post('/echo').set('Content-Type', 'application/json').send('{"a":').expect(400)).body).toEqual({ refused: 'not JSON' });
  });
});
