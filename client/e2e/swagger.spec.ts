import { expect, test } from '@playwright/test';
import { API_URL } from './playwright.config';
import { newViewer, snap } from './support';

test('Swagger UI: Authorize with a token, then GET /me succeeds', async ({ page, request }) => {
  await page.goto(`${API_URL}/docs`);
  await page.getByRole('button', { name: /Authorize/ }).first().click();
  const tokenField = page.locator('.modal-ux input[type="text"], .modal-ux input').first();
  await expect(tokenField).toBeVisible();

  // The e2e API's access tokens live JWT_TTL_SECONDS (8 s, for the silent-refresh test), and Swagger
  // UI cannot refresh one: the token is made only once the page has loaded (which alone can take
  // seconds on a busy machine), so it is used within moments of being issued.
  const viewer = newViewer();
  const signup = await request.post(`${API_URL}/auth/signup`, { data: viewer });
  const { jwt } = await signup.json();
  await tokenField.fill(jwt);
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
