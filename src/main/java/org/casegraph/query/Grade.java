package org.casegraph.query;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A grade in the UK 3x5x2 intelligence scheme: source evaluation 1 (reliable), 2
 * (untested) or 3 (not reliable); intelligence assessment A (known directly) to E
 * (suspected to be false); handling code P (lawful sharing permitted) or C (permitted
 * with conditions). Written as its code, e.g. {@code 1AP}. A better grade has a lower
 * number and an earlier letter.
 *
 * @param sourceEvaluation 1, 2 or 3
 * @param intelligence A to E
 * @param handling P or C (null in a minimum, which only compares the first two)
 * @param gradedBy who set it (null in a minimum)
 * @param gradedAt when (null in a minimum)
 */
public record Grade(int sourceEvaluation, String intelligence, String handling, String gradedBy,
		OffsetDateTime gradedAt) {

	private static final Pattern CODE = Pattern.compile("([1-3])\\s*[-/ ]?\\s*([A-E])\\s*[-/ ]?\\s*([PC])?");

	public String code() {
		return sourceEvaluation + intelligence + ((handling != null) ? handling : "");
	}

	/**
	 * A minimum grade as a filter or report parameter gives it: a source evaluation and
	 * an intelligence assessment ({@code 2B}; a handling code, if given, is ignored,
	 * since it says how to share, not how good).
	 * @param text the code
	 * @param argument the argument that gave it, for the error
	 */
	public static Grade minimum(String text, String argument) {
		Matcher matcher = CODE.matcher((text == null) ? "" : text.strip().toUpperCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new BadRequestException("Argument '" + argument + "': '" + text
					+ "' is not a grade in the 3x5x2 scheme: a source evaluation 1 to 3 and an intelligence "
					+ "assessment A to E, such as 2B");
		}
		return new Grade(Integer.parseInt(matcher.group(1)), matcher.group(2), null, null, null);
	}

}
