package org.casegraph;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;
import org.casegraph.referencecase.BuiltStore;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Builds the reference case's store that a new data directory starts from
 * ({@link BuiltStore}): the application started on an empty data directory seeds it, as a
 * first start would, stops, and the default database's files are zipped among the
 * classes. Run by the build when the classes are compiled ({@code mvn process-classes});
 * skipped when the classes and the libraries are those it was last built from, whose
 * digest the zip's comment holds.
 */
public final class ReferenceCaseStoreBuild {

	private static final String DIGEST = "classes and libraries ";

	private ReferenceCaseStoreBuild() {
	}

	/**
	 * @param args the classes folder it is written under, and a work folder (emptied)
	 */
	public static void main(String[] args) throws IOException {
		Path classes = Path.of(args[0]);
		Path work = Path.of(args[1]);
		Path zip = classes.resolve(BuiltStore.resource(BuiltStore.SEED));
		String digest = DIGEST + digest(classes, System.getProperty("java.class.path"));
		if (digest.equals(commentOf(zip))) {
			System.out.println("The reference case's store is up to date: " + zip);
			return;
		}
		long started = System.nanoTime();
		Files.deleteIfExists(zip);
		FileSystemUtils.deleteRecursively(work);
		start(work, false).close();
		BuiltStore.write(work, zip, digest);
		System.out.printf("Built the reference case's store in %.1f s: %s (%,d bytes)%n",
				(System.nanoTime() - started) / 1e9, zip, Files.size(zip));
	}

	/**
	 * Starts the application, without its web server, on the data directory {@code home}:
	 * on a new one the reference case is seeded, from the built store or (with
	 * {@code builtStore} false) statement by statement.
	 */
	static ConfigurableApplicationContext start(Path home, boolean builtStore) {
		return new SpringApplicationBuilder(CasegraphApplication.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run("--casegraph.neo4j.mode=embedded", "--casegraph.neo4j.data-dir=" + home,
					"--casegraph.neo4j.bolt-port=0", "--casegraph.audit.directory=" + home.resolve("audit"),
					"--casegraph.security.mode=local", "--casegraph.seed.reference-case=true",
					"--casegraph.seed.built-store=" + builtStore, "--logging.level.root=WARN");
	}

	/** The zip's comment, or null where there is none. */
	private static String commentOf(Path zip) throws IOException {
		if (!Files.isRegularFile(zip)) {
			return null;
		}
		try (ZipFile file = new ZipFile(zip.toFile())) {
			return file.getComment();
		}
	}

	/**
	 * SHA-256 over every class and resource but the built stores, and the libraries'
	 * names and sizes.
	 */
	private static String digest(Path classes, String classPath) throws IOException {
		MessageDigest sha = DigestUtils.getSha256Digest();
		Path built = classes.resolve(BuiltStore.resource(BuiltStore.SEED)).getParent();
		try (Stream<Path> walk = Files.walk(classes)) {
			List<Path> files = walk.filter(Files::isRegularFile)
				.filter(file -> !file.startsWith(built))
				.sorted()
				.toList();
			for (Path file : files) {
				DigestUtils.updateDigest(sha, classes.relativize(file).toString());
				DigestUtils.updateDigest(sha, file);
			}
		}
		for (String entry : classPath.split(File.pathSeparator)) {
			Path library = Path.of(entry);
			if (Files.isRegularFile(library)) {
				DigestUtils.updateDigest(sha, library.getFileName() + ":" + Files.size(library));
			}
		}
		return Hex.encodeHexString(sha.digest());
	}

}
