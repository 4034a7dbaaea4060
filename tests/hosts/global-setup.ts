// Says once, up front, why the Electron project is skipped on machines without its binary.
import { electronBinaryAvailable } from './electron-host';

export default function globalSetup() {
  if (!electronBinaryAvailable()) {
    console.log(
      'Electron project skipped: no Electron binary here (Electron downloads it on first launch, which needs GitHub). The browser project runs the same specs.',
    );
  }
}
