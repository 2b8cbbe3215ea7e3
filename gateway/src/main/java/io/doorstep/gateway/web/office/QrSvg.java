package io.doorstep.gateway.web.office;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as an SVG image: one path of unit squares, a four-module quiet zone as the standard
 * asks, black on white, scaled by whoever shows it. Medium error correction survives a creased
 * printout and keeps a pass's code (about 200 characters) at a size a terminal reads from a phone.
 */
final class QrSvg {
  private static final int QUIET = 4;

  private QrSvg() {}

  static String of(String text) {
    return of(QrCode.encodeText(text, QrCode.Ecc.MEDIUM));
  }

  static String of(QrCode qr) {
    int size = qr.size + 2 * QUIET;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          path.append('M').append(x + QUIET).append(',').append(y + QUIET).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
  }
}
