import { CredentialsSignin } from 'next-auth';

/** Carries the signing outcome code (WRONG_PIN, TIMEOUT…) from authorize() to the login page. */
export class LoginRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}
