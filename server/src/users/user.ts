/** A viewer's account as stored. The password hash never leaves the server. */
export interface User {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: Date;
}
