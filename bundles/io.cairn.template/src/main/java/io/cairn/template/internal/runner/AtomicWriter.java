package io.cairn.template.internal.runner;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Replaces a file so that readers see either the old or the new content, never a mix: the new content goes to a
 * temporary file in the same directory (so the rename stays on one file system), is flushed to disk and renamed
 * over the destination. Nothing is written when the content is unchanged. The new file keeps the old one's
 * permissions and owner unless permissions are given; a new file gets 0644.
 */
public final class AtomicWriter {
    private static final int DEFAULT_PERMS = 0644;

    private AtomicWriter() {}

    /**
     * Writes {@code content} to {@code destination}, creating missing parent directories.
     *
     * @param perms  permission bits (e.g. {@code 0600}), or {@code null} to keep the existing file's
     * @param backup copy the previous file to {@code <destination>.bak} first
     * @return whether the file changed
     */
    public static boolean write(Path destination, byte[] content, Integer perms, boolean backup) throws IOException {
        Path target = destination.toAbsolutePath();
        PosixFileAttributes existing = attributes(target);
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
            if (perms != null && existing != null && toBits(existing.permissions()) != perms) {
                Files.setPosixFilePermissions(target, toSet(perms));
            }
            return false;
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (attributes(temp) != null) {
                int bits = perms != null ? perms : existing != null ? toBits(existing.permissions()) : DEFAULT_PERMS;
                Files.setPosixFilePermissions(temp, toSet(bits));
                if (existing != null) {
                    keepOwner(temp, existing);
                }
            }
            if (backup && Files.isRegularFile(target)) {
                Files.copy(target, target.resolveSibling(target.getFileName() + ".bak"),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return true;
    }

    private static void keepOwner(Path file, PosixFileAttributes existing) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        try {
            if (!existing.owner().equals(Files.getOwner(file))) {
                view.setOwner(existing.owner());
            }
            view.setGroup(existing.group());
        } catch (IOException | SecurityException e) {
            // Only a privileged process may give a file away; an unprivileged one keeps its own ownership, as
            // consul-template does when chown fails.
        }
    }

    private static PosixFileAttributes attributes(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null || !Files.exists(file)) {
            return null;
        }
        try {
            return view.readAttributes();
        } catch (FileSystemException e) {
            return null;
        }
    }

    static int toBits(Set<PosixFilePermission> permissions) {
        int bits = 0;
        for (PosixFilePermission permission : permissions) {
            bits |= 1 << (8 - permission.ordinal());
        }
        return bits;
    }

    static Set<PosixFilePermission> toSet(int bits) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission permission : PosixFilePermission.values()) {
            if ((bits & (1 << (8 - permission.ordinal()))) != 0) {
                set.add(permission);
            }
        }
        return set;
    }
}
