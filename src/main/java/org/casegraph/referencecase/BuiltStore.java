package org.casegraph.referencecase;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.casegraph.neo4j.StoreLoader;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.FileSystemUtils;

/**
 * The reference case's store as the build seeded it, carried in the jar
 * ({@value #RESOURCE_PREFIX}{@code <seed>.zip}: the default database's store files and
 * transaction logs, written by {@code ReferenceCaseStoreBuild} when the classes are
 * compiled), that a new embedded data directory starts from. Copying its files replaces
 * creating every index and constraint and writing the case statement by statement, which
 * took about two thirds of a first start. Only for the seed it was built with: any other
 * seed is seeded at the start, as with {@code casegraph.seed.built-store=false}.
 */
public final class BuiltStore implements StoreLoader {

	/** The seed the build seeds the store with: the default. */
	public static final long SEED = Long.parseLong(SeedSettings.DEFAULT_SEED);

	static final String RESOURCE_PREFIX = "seed/reference-case-";

	/** The default database's folders under a Neo4j home, as the zip holds them. */
	private static final List<String> FOLDERS = List.of("data/databases/neo4j", "data/transactions/neo4j");

	/** Held by a running database only; a copy must not carry it. */
	private static final String LOCK = "database_lock";

	private final ClassPathResource zip;

	private BuiltStore(ClassPathResource zip) {
		this.zip = zip;
	}

	/** The store built with this seed, if the jar carries one. */
	static Optional<BuiltStore> forSeed(long seed) {
		ClassPathResource zip = new ClassPathResource(resource(seed), BuiltStore.class.getClassLoader());
		return zip.exists() ? Optional.of(new BuiltStore(zip)) : Optional.empty();
	}

	/** Where, under the classes, the store built with this seed is kept. */
	public static String resource(long seed) {
		return RESOURCE_PREFIX + seed + ".zip";
	}

	@Override
	public void requireLoadable() {
		// Built from the same classes: nothing to refuse.
	}

	/**
	 * Replaces the default database's folders under {@code home} with the built store's.
	 */
	@Override
	public void load(Path home) throws IOException {
		Path root = home.toAbsolutePath().normalize();
		for (String folder : FOLDERS) {
			FileSystemUtils.deleteRecursively(root.resolve(folder));
		}
		try (InputStream in = zip.getInputStream(); ZipInputStream entries = new ZipInputStream(in)) {
			for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
				Path target = root.resolve(entry.getName()).normalize();
				if (!FOLDERS.stream().anyMatch(folder -> target.startsWith(root.resolve(folder)))) {
					throw new IOException(
							zip.getPath() + " holds " + entry.getName() + ", outside the default database's folders");
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
					continue;
				}
				Files.createDirectories(target.getParent());
				Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	/**
	 * Writes the default database's folders of a stopped store under {@code home} to
	 * {@code zip}, with {@code comment} (what it was built from).
	 */
	public static void write(Path home, Path zip, String comment) throws IOException {
		Path root = home.toAbsolutePath().normalize();
		Files.createDirectories(zip.getParent());
		Path partial = zip.resolveSibling(zip.getFileName() + ".partial");
		try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream entries = new ZipOutputStream(out)) {
			entries.setComment(comment);
			for (String folder : FOLDERS) {
				for (Path file : files(root.resolve(folder))) {
					entries.putNextEntry(new ZipEntry(root.relativize(file).toString().replace('\\', '/')));
					Files.copy(file, entries);
					entries.closeEntry();
				}
			}
		}
		Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static List<Path> files(Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile)
				.filter(file -> !file.getFileName().toString().equals(LOCK))
				.sorted()
				.toList();
		}
	}

}
