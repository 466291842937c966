package org.casegraph.terms;

import java.util.ArrayList;
import java.util.List;

import org.casegraph.query.BadRequestException;

/**
 * A term list as a text file: one term per line, a word or phrase, or a regular
 * expression between slashes ({@code /kettl(e|ed)/}); blank lines and lines starting with
 * {@code #} are skipped. A line that cannot be a term is refused with the file and line.
 */
public final class TermListFile {

	private TermListFile() {
	}

	/**
	 * The terms of a file's lines, checked as a list named {@code name}; a problem throws
	 * naming {@code source} and the line.
	 */
	public static List<TermList.Term> parse(String source, String name, List<String> lines) {
		List<TermList.Term> terms = new ArrayList<>();
		List<Integer> lineOf = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (i == 0 && line.startsWith("\uFEFF")) {
				line = line.substring(1).strip();
			}
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			boolean regex = line.length() > 2 && line.startsWith("/") && line.endsWith("/");
			terms.add(new TermList.Term(regex ? line.substring(1, line.length() - 1) : line, regex));
			lineOf.add(i + 1);
		}
		String nameProblem = TermLists.nameProblem(name);
		if (nameProblem != null) {
			throw new BadRequestException(source + ": " + nameProblem);
		}
		String problem = TermLists.termsProblem(terms, source, i -> source + ":" + lineOf.get(i));
		if (problem != null) {
			throw new BadRequestException(problem);
		}
		return List.copyOf(terms);
	}

}
