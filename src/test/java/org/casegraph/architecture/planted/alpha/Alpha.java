package org.casegraph.architecture.planted.alpha;

import org.casegraph.architecture.planted.beta.Beta;

/** One half of a cycle planted for the architecture test to find. */
public class Alpha {

	Beta beta;

}
