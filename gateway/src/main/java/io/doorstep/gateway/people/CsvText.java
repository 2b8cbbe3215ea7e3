package io.doorstep.gateway.people;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnmappableCharacterException;
import java.util.Arrays;

/**
 * Turns an office's CSV file into text. Excel on a Chinese Windows saves CSV in GBK, newer tools
 * in UTF-8 (often with a byte order mark). Both are decoded strictly: a byte that is not valid
 * is never replaced by '?' and imported as a name.
 */
final class CsvText {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** The text and the encoding it was read in. */
  record Decoded(String text, String encoding) {}

  /** The file is neither UTF-8 nor GBK; the message says where it breaks. */
  static final class Undecodable extends Exception {
    Undecodable(String message) {
      super(message, null, false, false);
    }
  }

  private CsvText() {}

  static Decoded decode(byte[] file) throws Undecodable {
    if (file.length >= 3 && Arrays.equals(file, 0, 3, BOM, 0, 3)) {
      // A byte order mark says UTF-8 outright; GBK would read it as two Chinese characters.
      ByteBuffer body = ByteBuffer.wrap(file, 3, file.length - 3);
      try {
        return new Decoded(strict(StandardCharsets.UTF_8).decode(body).toString(), "UTF-8");
      } catch (CharacterCodingException e) {
        throw new Undecodable("the file starts with a UTF-8 byte order mark but is not valid UTF-8 "
            + where(file, 3, body, e) + ": save it again as UTF-8");
      }
    }
    ByteBuffer utf8 = ByteBuffer.wrap(file);
    CharacterCodingException notUtf8;
    try {
      return new Decoded(strict(StandardCharsets.UTF_8).decode(utf8).toString(), "UTF-8");
    } catch (CharacterCodingException e) {
      notUtf8 = e;
    }
    if (!Charset.isSupported("GBK")) {
      throw new Undecodable("the file is not valid UTF-8 " + where(file, 0, utf8, notUtf8)
          + ", and this Java runtime cannot read GBK (install the full JRE): save the file as UTF-8");
    }
    ByteBuffer gbk = ByteBuffer.wrap(file);
    try {
      return new Decoded(strict(Charset.forName("GBK")).decode(gbk).toString(), "GBK");
    } catch (CharacterCodingException e) {
      throw new Undecodable("the file is neither UTF-8 (it breaks " + where(file, 0, utf8, notUtf8)
          + ") nor GBK (it breaks " + where(file, 0, gbk, e) + "): save it from the spreadsheet as"
          + " \"CSV UTF-8\"");
    }
  }

  private static CharsetDecoder strict(Charset charset) {
    return charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** "on line 4 (byte 0xB9)": the decoder stops at the bad input, so the buffer's position is where. */
  private static String where(byte[] file, int start, ByteBuffer buffer, CharacterCodingException e) {
    int at = buffer.position();
    if (e instanceof MalformedInputException || e instanceof UnmappableCharacterException) {
      int line = 1;
      for (int i = start; i < at && i < file.length; i++) {
        if (file[i] == '\n') {
          line++;
        }
      }
      String bad = at < file.length ? String.format(" (byte 0x%02X)", file[at] & 0xFF) : " (at the end)";
      return "on line " + line + bad;
    }
    return "(" + e + ")";
  }
}
