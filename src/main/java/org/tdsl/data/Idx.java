package org.tdsl.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader for the IDX format of the MNIST files: a big-endian magic number {@code 0x000008DD}
 * (type 0x08 = unsigned byte, DD = number of dimensions), DD big-endian int32 sizes, then the
 * bytes. A file is gunzipped when it starts with the gzip magic, whatever its name says.
 */
public final class Idx {
  private Idx() {}

  /** The unsigned bytes of an IDX file and its sizes. */
  public record Array(int[] dims, byte[] data) {
    public int count() { return dims[0]; }
  }

  /**
   * Reads an IDX file with {@code expectedDims} dimensions; {@code what} ("images",
   * "labels") only words the errors.
   */
  public static Array read(Path file, int expectedDims, String what) {
    byte[] bytes = readAllBytes(file);
    if (bytes.length < 4) throw truncated(file, what, 4L + 4L * expectedDims, bytes.length);
    int magic = bigEndianInt(bytes, 0);
    int expectedMagic = 0x800 | expectedDims;
    if (magic != expectedMagic) {
      throw new DataException(String.format(
          "%s is not an IDX file of %s: magic number 0x%08X, expected 0x%08X",
          file, what, magic, expectedMagic));
    }
    int header = 4 + 4 * expectedDims;
    if (bytes.length < header) throw truncated(file, what, header, bytes.length);
    int[] dims = new int[expectedDims];
    long size = 1;
    for (int d = 0; d < expectedDims; d++) {
      dims[d] = bigEndianInt(bytes, 4 + 4 * d);
      if (dims[d] < 0) {
        throw new DataException(file + " is corrupt: negative size " + dims[d] + " in dimension " + d);
      }
      size *= dims[d];
    }
    long expected = header + size;
    if (bytes.length < expected) throw truncated(file, what, expected, bytes.length);
    if (bytes.length > expected) {
      throw new DataException(String.format(
          "%s is corrupt: expected %d bytes of %s, found %d", file, expected, what, bytes.length));
    }
    byte[] data = new byte[(int) size];
    System.arraycopy(bytes, header, data, 0, data.length);
    return new Array(dims, data);
  }

  private static DataException truncated(Path file, String what, long expected, long found) {
    return new DataException(String.format(
        "%s is truncated: expected %d bytes of %s, found %d", file, expected, what, found));
  }

  private static byte[] readAllBytes(Path file) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      raw.mark(2);
      int b0 = raw.read(), b1 = raw.read();
      raw.reset();
      boolean gzipped = b0 == 0x1f && b1 == 0x8b;
      if (!gzipped) return raw.readAllBytes();
      return gunzip(file, raw);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new DataException(file + " not found", e);
    } catch (IOException e) {
      throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Gunzips what it can: a cut-off gzip stream yields its bytes so far, so the size check names the shortfall. */
  private static byte[] gunzip(Path file, InputStream raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    try (GZIPInputStream in = new GZIPInputStream(raw, 1 << 16)) {
      int n;
      while ((n = in.read(buf)) > 0) out.write(buf, 0, n);
    } catch (java.io.EOFException e) {
      // truncated gzip: keep what was decoded; the length check reports it
    } catch (ZipException e) {
      throw new DataException(file + " is corrupt: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static int bigEndianInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
  }
}
