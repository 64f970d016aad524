import NextAuth from 'next-auth';
import { authConfig } from './config';
import { asanProvider, esignProvider } from './providers';

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  ...authConfig,
  providers: [esignProvider, asanProvider],
});
