import { ArgumentsHost, Logger, NotFoundException } from '@nestjs/common';
import express, { Request, Response } from 'express';
import request from 'supertest';
import { assignRequestId } from '../logging/request-id';
import { AllExceptionsFilter } from './all-exceptions.filter';

/** A bare Express app whose one route sets success headers and then fails the way a handler can. */
function appFailingWith(error: unknown) {
  const filter = new AllExceptionsFilter();
  const app = express();
  app.get('/file', (incoming: Request, response: Response) => {
    assignRequestId(incoming, response);
    response.setHeader('Content-Type', 'application/vnd.apple.mpegurl');
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    response.setHeader('Accept-Ranges', 'bytes');
    filter.catch(error, { switchToHttp: () => ({ getRequest: () => incoming, getResponse: () => response }) } as unknown as ArgumentsHost);
  });
  return app;
}

describe('AllExceptionsFilter', () => {
  it('answers in JSON without the headers the failed handler had set for its success', async () => {
    const response = await request(appFailingWith(new NotFoundException('No such stream file'))).get('/file').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['cache-control']).toBeUndefined();
    expect(response.headers['accept-ranges']).toBeUndefined();
    expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'No such stream file' });
  });

  it('turns an unexpected error into a bare 500 with no stack or internal message', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const response = await request(appFailingWith(new Error('ENOENT: /srv/secret/path at Object.openSync'))).get('/file').set('X-Request-Id', 'failing-request-1').expect(500);
    expect(response.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' });
    expect(response.text).not.toMatch(/ENOENT|secret|at Object/);
    // The operator's line keeps what happened, and names the request.
    expect(logged).toHaveBeenCalledWith({ msg: expect.stringContaining('ENOENT: /srv/secret/path'), requestId: 'failing-request-1' });
    logged.mockRestore();
  });
});
