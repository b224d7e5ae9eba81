package org.mentormatch.io;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.mentormatch.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spark's scratch folder for one command, inside the programme's home: {@code
 * <home>/.scratch/<uuid>/}, held by an operating-system lock on {@code
 * <home>/.scratch/<uuid>.lock}.
 *
 * <p>Spark writes shuffle and spill blocks, which hold members' names, goals and e-mail addresses,
 * to {@code spark.local.dir}: by default the system's temporary folder, where a command killed with
 * SIGKILL (or a lost machine) leaves them for anyone who can read it, and where nothing ever
 * removes them. Kept in the home, they are as private as the home, counted in its disk use, and
 * removed by the next command on that home ({@link #recover}, under the home's lock): a folder
 * whose lock no live process holds belongs to a command that stopped.
 *
 * <p>Recovery touches nothing in {@code .scratch} but entries named {@code <uuid>} and {@code
 * <uuid>.lock}, never follows a symbolic link, and never opens the lock file of a scratch folder of
 * its own JVM: on Linux, closing any channel of a file drops every lock the process holds on it.
 */
public final class ScratchSpace implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("mentor-match");
  static final String FOLDER = ".scratch";
  private static final String LOCK_SUFFIX = ".lock";
  private static final Pattern NONCE =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** The scratch folders this JVM holds now, by name: recovery must not even open their locks. */
  private static final Set<String> OWN = ConcurrentHashMap.newKeySet();

  private final java.nio.file.Path dir;
  private final java.nio.file.Path lockFile;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean madeHome;

  private ScratchSpace(
      java.nio.file.Path dir, java.nio.file.Path lockFile, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.lockFile = lockFile;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * The local folder of {@code home}, or empty when the home is not on the local file system (HDFS,
   * an object store), where Spark's scratch cannot go; a path without a scheme is on {@code
   * defaultScheme}, the file system Hadoop's {@code fs.defaultFS} names.
   */
  public static Optional<java.nio.file.Path> localRoot(Home home, String defaultScheme) {
    URI uri = home.root().toUri();
    String scheme = uri.getScheme() != null ? uri.getScheme() : defaultScheme;
    if (!"file".equals(scheme)) {
      return Optional.empty();
    }
    return Optional.of(java.nio.file.Path.of(uri.getPath()).toAbsolutePath().normalize());
  }

  /**
   * Makes a new scratch folder in the home at {@code homeRoot} (a local folder) and holds its lock
   * until {@link #close}.
   *
   * @throws UserError when {@code <home>/.scratch} is a symbolic link or cannot be made
   */
  public static ScratchSpace create(java.nio.file.Path homeRoot) {
    java.nio.file.Path root = homeRoot.resolve(FOLDER);
    try {
      boolean madeHome = !Files.exists(homeRoot, LinkOption.NOFOLLOW_LINKS);
      Files.createDirectories(homeRoot);
      if (Files.isSymbolicLink(root)) {
        throw linked(root);
      }
      try {
        // Made like the home's other folders, so every user who works on the home can list it;
        // each command's own folder in it is private (below).
        Files.createDirectory(root);
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
          throw linked(root);
        }
      }
      for (int attempt = 0; ; attempt++) {
        Optional<ScratchSpace> made = tryCreate(root, UUID.randomUUID().toString());
        if (made.isPresent()) {
          made.get().madeHome = madeHome;
          return made.get();
        }
        if (attempt == 10) {
          throw new IOException("could not lock a new scratch folder in " + root);
        }
      }
    } catch (IOException e) {
      throw new UserError(
          "could not make Spark's scratch folder in "
              + root
              + " ("
              + e
              + "). Check that the home is writable; nothing was changed.");
    }
  }

  /**
   * The folder for a fresh {@code nonce}, or empty when recovery by another command removed its
   * lock file between its creation and the lock (then the caller tries another name).
   */
  private static Optional<ScratchSpace> tryCreate(java.nio.file.Path root, String nonce)
      throws IOException {
    java.nio.file.Path lockFile = root.resolve(nonce + LOCK_SUFFIX);
    OWN.add(nonce);
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              lockFile,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS);
      FileLock lock = channel.tryLock();
      // Recovery deletes a lock file only while holding its lock, so once this process holds the
      // lock of a file that still exists, no other command will remove it or its folder.
      if (lock == null || !Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
        channel.close();
        OWN.remove(nonce);
        return Optional.empty();
      }
      java.nio.file.Path dir = root.resolve(nonce);
      try {
        Files.createDirectory(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (UnsupportedOperationException e) {
        Files.createDirectory(dir); // not a POSIX file system
      }
      return Optional.of(new ScratchSpace(dir, lockFile, channel, lock));
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      OWN.remove(nonce);
      throw e;
    }
  }

  private static UserError linked(java.nio.file.Path root) {
    return new UserError(
        root
            + " is a symbolic link or not a folder; mentor-match keeps Spark's scratch files (which"
            + " hold member data) in a folder of the home itself and never writes or deletes"
            + " through a link. Remove it and run again; nothing was changed.");
  }

  /** The folder Spark is to use as {@code spark.local.dir}. */
  public java.nio.file.Path dir() {
    return dir;
  }

  /**
   * Removes the folder and everything Spark left in it, then the lock file, and releases the lock.
   *
   * @throws IOException when something in it could not be deleted (the next command on the home
   *     tries again)
   */
  @Override
  public void close() throws IOException {
    String nonce = dir.getFileName().toString();
    try {
      List<String> left = new ArrayList<>();
      deleteTree(dir.getParent(), nonce, left);
      if (left.isEmpty()) {
        Files.deleteIfExists(lockFile);
        if (madeHome) {
          // A command that failed before writing anything (a mistyped --home, say) leaves no new,
          // empty home behind; a home it wrote to is not empty and stays.
          deleteIfEmpty(dir.getParent());
          deleteIfEmpty(dir.getParent().getParent());
        }
      } else {
        throw new IOException(
            "could not delete " + left.size() + " of Spark's scratch file(s), e.g. " + left.get(0));
      }
    } finally {
      try {
        lock.release();
      } finally {
        channel.close();
        OWN.remove(nonce);
      }
    }
  }

  private static void deleteIfEmpty(java.nio.file.Path folder) {
    try {
      Files.deleteIfExists(folder);
    } catch (IOException e) {
      // not empty (or no longer ours to remove): it stays
    }
  }

  /**
   * Under the home's lock: removes the scratch folders of commands that stopped without removing
   * their own (killed, or their machine lost), and says so in one line.
   */
  static List<String> recover(FileStore files, Home home) throws IOException {
    Optional<java.nio.file.Path> local =
        localRoot(new Home(files.qualify(home.root())), "file"); // qualified: it has a scheme
    if (local.isEmpty()) {
      return List.of();
    }
    java.nio.file.Path root = local.get().resolve(FOLDER);
    if (Files.isSymbolicLink(root)) {
      throw linked(root);
    }
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    // A set: the lock file of each folder is looked up in it, and .scratch may hold many entries.
    Set<String> names = new java.util.HashSet<>();
    List<String> left = new ArrayList<>();
    try (DirectoryStream<java.nio.file.Path> entries = Files.newDirectoryStream(root)) {
      for (java.nio.file.Path p : entries) {
        names.add(p.getFileName().toString());
      }
    } catch (IOException e) {
      left.add(root + " (" + e + ")");
    }
    int removed = 0;
    for (String name : names) {
      String nonce =
          name.endsWith(LOCK_SUFFIX)
              ? name.substring(0, name.length() - LOCK_SUFFIX.length())
              : name;
      if (!NONCE.matcher(nonce).matches() || OWN.contains(nonce)) {
        continue;
      }
      if (name.equals(nonce)) {
        // A command makes its lock file before its folder, so a folder whose lock file is gone
        // (asked now, not from the listing, which a new command may have outrun) is nobody's.
        if (!names.contains(nonce + LOCK_SUFFIX)
            && !Files.exists(root.resolve(nonce + LOCK_SUFFIX), LinkOption.NOFOLLOW_LINKS)) {
          try {
            removed += deleteTree(root, nonce, left) ? 1 : 0;
          } catch (IOException e) {
            left.add(root.resolve(nonce) + " (" + e + ")");
          }
        }
      } else {
        try {
          removed += removeIfStopped(root, nonce, left) ? 1 : 0;
        } catch (IOException e) {
          left.add(root.resolve(name) + " (" + e + ")");
        }
      }
    }
    if (!left.isEmpty()) {
      // Not fatal: the command's own work does not depend on it. Not a "recovered" line either.
      LOG.warn(
          "could not remove {} Spark scratch file(s) or folder(s) that stopped commands left in"
              + " {}, e.g. {}; delete them by hand when no mentor-match command runs",
          left.size(),
          root,
          left.get(0));
    }
    return removed == 0
        ? List.of()
        : List.of("removed the Spark scratch files of " + removed + " command(s) that stopped");
  }

  /** Removes the folder of {@code nonce} and its lock file when no live process holds the lock. */
  private static boolean removeIfStopped(java.nio.file.Path root, String nonce, List<String> left)
      throws IOException {
    java.nio.file.Path lockFile = root.resolve(nonce + LOCK_SUFFIX);
    if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS) || linkedElsewhere(lockFile)) {
      // A link, a folder or a hard link under a lock's name was not made by mentor-match; a hard
      // link could even be this JVM's own lock file, which must never be opened and closed here.
      return false;
    }
    // Read and write: opening a FIFO swapped in meanwhile for writing only would block for good.
    try (FileChannel channel =
        FileChannel.open(
            lockFile,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        return false;
      }
      if (lock == null) {
        return false; // a live command's
      }
      try {
        if (!deleteTree(root, nonce, left)) {
          return false;
        }
        Files.deleteIfExists(lockFile);
        return true;
      } finally {
        lock.release();
      }
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** Whether the file has more than one name (a hard link), where the file system says. */
  static boolean linkedElsewhere(java.nio.file.Path file) {
    try {
      Object links = Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
      return links instanceof Number n && n.longValue() > 1;
    } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
      return false;
    }
  }

  /**
   * Deletes {@code name} in {@code parent} and everything under it without following a link (a link
   * is removed, never what it points at); what could not be deleted goes to {@code left}. Returns
   * whether it is gone.
   */
  private static boolean deleteTree(java.nio.file.Path parent, String name, List<String> left)
      throws IOException {
    // Opened from the home, so a .scratch swapped for a link meanwhile is refused, not followed.
    try (DirectoryStream<java.nio.file.Path> home = Files.newDirectoryStream(parent.getParent())) {
      if (home instanceof SecureDirectoryStream<java.nio.file.Path> secureHome) {
        try (SecureDirectoryStream<java.nio.file.Path> secure =
            secureHome.newDirectoryStream(parent.getFileName(), LinkOption.NOFOLLOW_LINKS)) {
          int before = left.size();
          deleteEntry(secure, parent.resolve(name), java.nio.file.Path.of(name), left);
          return left.size() == before;
        }
      }
    }
    // No secure stream (not Linux): walk without following links.
    int before = left.size();
    deletePlain(parent.resolve(name), left);
    return left.size() == before;
  }

  private static void deleteEntry(
      SecureDirectoryStream<java.nio.file.Path> in,
      java.nio.file.Path shown,
      java.nio.file.Path name,
      List<String> left) {
    try {
      BasicFileAttributes attrs =
          in.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
              .readAttributes();
      if (attrs.isDirectory()) {
        try (SecureDirectoryStream<java.nio.file.Path> sub =
            in.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
          List<java.nio.file.Path> children = new ArrayList<>();
          sub.forEach(p -> children.add(p.getFileName()));
          for (java.nio.file.Path child : children) {
            deleteEntry(sub, shown.resolve(child), child, left);
          }
        }
        in.deleteDirectory(name);
      } else {
        in.deleteFile(name);
      }
    } catch (NoSuchFileException e) {
      // already gone
    } catch (IOException e) {
      left.add(shown.toString());
    }
  }

  private static void deletePlain(java.nio.file.Path p, List<String> left) {
    try {
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        try (DirectoryStream<java.nio.file.Path> children = Files.newDirectoryStream(p)) {
          for (java.nio.file.Path child : children) {
            deletePlain(child, left);
          }
        }
      }
      Files.deleteIfExists(p);
    } catch (IOException e) {
      left.add(p.toString());
    }
  }
}
