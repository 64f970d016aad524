import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simulatorsConfigurationProblem, simulatorsEnabled } from '@/lib/server/simulators/enabled';

// Issue 12 §9: the simulated card and phone sign for anyone who knows a demo PIN, so they must
// never be reachable where real people sign. A production server with SIMULATORS=on refuses to
// start unless the deployment declares itself a demo (SIMULATORS_ALLOW_PRODUCTION=yes).

const startDatabase = vi.fn(async () => ({ background: Promise.resolve() }));
vi.mock('@/db/startup', () => ({ startDatabase }));

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

describe('simulators in production (issue 12 §9)', () => {
  it('is a start-up problem with SIMULATORS=on in production, unless allowed', () => {
    expect(
      simulatorsConfigurationProblem(env({ NODE_ENV: 'production', SIMULATORS: 'on' })),
    ).toMatch(/SIMULATORS=on in production.*SIMULATORS_ALLOW_PRODUCTION=yes/);
    expect(
      simulatorsConfigurationProblem(
        env({ NODE_ENV: 'production', SIMULATORS: ' ON ', SIMULATORS_ALLOW_PRODUCTION: 'no' }),
      ),
    ).not.toBeNull();
    expect(
      simulatorsConfigurationProblem(
        env({ NODE_ENV: 'production', SIMULATORS: 'on', SIMULATORS_ALLOW_PRODUCTION: 'yes' }),
      ),
    ).toBeNull();
    // Off in production, or anything in development and test, needs no flag.
    expect(simulatorsConfigurationProblem(env({ NODE_ENV: 'production' }))).toBeNull();
    expect(
      simulatorsConfigurationProblem(env({ NODE_ENV: 'production', SIMULATORS: 'off' })),
    ).toBeNull();
    expect(
      simulatorsConfigurationProblem(env({ NODE_ENV: 'development', SIMULATORS: 'on' })),
    ).toBeNull();
  });

  it('keeps the simulators off where the start-up check would refuse (the second line)', () => {
    expect(simulatorsEnabled(env({ NODE_ENV: 'production', SIMULATORS: 'on' }))).toBe(false);
    expect(
      simulatorsEnabled(
        env({ NODE_ENV: 'production', SIMULATORS: 'on', SIMULATORS_ALLOW_PRODUCTION: 'yes' }),
      ),
    ).toBe(true);
  });

  describe('the server start (instrumentation.ts)', () => {
    let exit: ReturnType<typeof vi.spyOn>;
    let error: ReturnType<typeof vi.spyOn>;
    beforeEach(() => {
      startDatabase.mockClear();
      vi.stubEnv('NEXT_RUNTIME', 'nodejs');
      vi.stubEnv('NODE_ENV', 'production');
      vi.stubEnv('SIMULATORS', 'on');
      vi.stubEnv('PUBLIC_URL', '');
      exit = vi.spyOn(process, 'exit').mockImplementation((code) => {
        throw new Error(`exit ${String(code)}`);
      });
      error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    });
    afterEach(() => {
      vi.unstubAllEnvs();
      exit.mockRestore();
      error.mockRestore();
    });

    it('refuses with one line and exits before opening the database', async () => {
      vi.stubEnv('SIMULATORS_ALLOW_PRODUCTION', '');
      const { register } = await import('@/instrumentation');
      await expect(register()).rejects.toThrow('exit 1');
      expect(error).toHaveBeenCalledTimes(1);
      expect(String(error.mock.calls[0]?.[0])).toMatch(
        /^\[hesabat\] SIMULATORS=on in production: .*SIMULATORS_ALLOW_PRODUCTION=yes/,
      );
      expect(startDatabase).not.toHaveBeenCalled();
    });

    it('starts a declared demo deployment (SIMULATORS_ALLOW_PRODUCTION=yes)', async () => {
      vi.stubEnv('SIMULATORS_ALLOW_PRODUCTION', 'yes');
      const { register } = await import('@/instrumentation');
      await register();
      expect(exit).not.toHaveBeenCalled();
      expect(startDatabase).toHaveBeenCalledTimes(1);
    });
  });
});
