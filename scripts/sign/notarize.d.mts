// Types of notarize.mjs (electron-builder's afterSign hook), for the tests that import it.
interface AfterSignContext {
  electronPlatformName: string;
  appOutDir: string;
  packager: { appInfo: { productFilename: string } };
}
type Notarize = (options: {
  appPath: string;
  appleId: string;
  appleIdPassword: string;
  teamId: string;
}) => Promise<unknown>;
export default function afterSign(
  context: AfterSignContext,
  options?: {
    env?: Record<string, string | undefined>;
    load?: () => Promise<Notarize | undefined>;
  },
): Promise<string>;
