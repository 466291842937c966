package org.casegraph.architecture.planted.beta;

import org.casegraph.architecture.planted.alpha.Alpha;

/** The other half of the planted cycle. */
public class Beta {

	Alpha alpha;

}
