import { expect, test } from '@playwright/test';
import { API_URL } from './playwright.config';
import { newViewer, snap } from './support';

test('Swagger UI: Authorize with a token, then GET /me succeeds', async ({ page, request }) => {
  const viewer = newViewer();
  const signup = await request.post(`${API_URL}/auth/signup`, { data: viewer });
  const { jwt } = await signup.json();

  await page.goto(`${API_URL}/docs`);
  await page.getByRole('button', { name: /Authorize/ }).first().click();
  await page.locator('.modal-ux input[type="text"], .modal-ux input').first().fill(jwt);
  await page.locator('.modal-ux button.authorize').click();
  await expect(page.locator('.modal-ux')).toContainText('Authorized');
  await page.locator('.modal-ux button.btn-done').click();

  const operation = page.locator('#operations-account-getAccount');
  await operation.locator('.opblock-summary').click();
  await operation.getByRole('button', { name: 'Try it out' }).click();
  await operation.getByRole('button', { name: 'Execute' }).click();
  const response = operation.locator('.live-responses-table .response').first();
  await expect(response.locator('.response-col_status')).toHaveText(/200/);
  await expect(response.locator('.response-col_description')).toContainText(viewer.email);
  await snap(page, 'swagger-get-me');
});
