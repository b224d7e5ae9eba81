package org.mentormatch.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes Avro container files whose bytes depend only on their records: the sync marker, random by
 * default, is derived from a caller's key, so the same records give the same file.
 */
public final class AvroFiles {
  private AvroFiles() {}

  /** Writes {@code records} to {@code out} (deflate-compressed) and returns how many. */
  public static <T extends SpecificRecord> long write(
      OutputStream out, Schema schema, Iterator<T> records, String syncKey) throws IOException {
    long n = 0;
    try (DataFileWriter<T> writer = new DataFileWriter<>(new SpecificDatumWriter<T>(schema))) {
      writer.setCodec(CodecFactory.deflateCodec(6));
      writer.create(schema, out, sync(syncKey));
      while (records.hasNext()) {
        writer.append(records.next());
        n++;
      }
    }
    return n;
  }

  /** A 16-byte sync marker derived from {@code key}. */
  static byte[] sync(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(digest, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
