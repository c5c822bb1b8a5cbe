import { Spin } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The check-in address as a QR code, drawn in the browser (nothing leaves the page to make it). */
export function QrImage({ value, size, alt }: { value: string; size: number; alt: string }) {
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let current = true;
    void QRCode.toDataURL(value, { width: size, margin: 2, errorCorrectionLevel: 'M' }).then((url) => {
      if (current) setSrc(url);
    });
    return () => {
      current = false;
    };
  }, [value, size]);
  if (!src) return <Spin />;
  return (
    <img
      src={src}
      width={size}
      height={size}
      alt={alt}
      data-testid="checkin-qr"
      style={{ maxWidth: '100%', height: 'auto' }}
    />
  );
}
