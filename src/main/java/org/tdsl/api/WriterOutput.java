package org.tdsl.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The byte stream the interpreter prints to, decoded as UTF-8 into the Writer the host
 * chose (and may change between calls). A character split across two writes is kept until
 * its last byte arrives.
 */
final class WriterOutput extends OutputStream {
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final ByteBuffer bytes = ByteBuffer.allocate(8192);
  private final CharBuffer chars = CharBuffer.allocate(8192);
  private volatile Writer target;

  WriterOutput(Writer target) {
    this.target = target;
  }

  void setTarget(Writer target) {
    synchronized (this) {
      drain();
      this.target = target;
    }
  }

  Writer target() {
    return target;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      int n = Math.min(len, bytes.remaining());
      bytes.put(b, off, n);
      off += n;
      len -= n;
      decode();
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    decode();
    target.flush();
  }

  private void decode() throws IOException {
    bytes.flip();
    while (true) {
      CoderResult r = decoder.decode(bytes, chars, false);
      writeChars();
      if (!r.isOverflow()) break;
    }
    bytes.compact();
  }

  private void writeChars() throws IOException {
    chars.flip();
    if (chars.hasRemaining()) target.write(chars.array(), chars.position(), chars.remaining());
    chars.clear();
  }

  void flushQuietly() {
    synchronized (this) {
      drain();
    }
  }

  private void drain() {
    try {
      decode();
      target.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
