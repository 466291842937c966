package org.casegraph;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.casegraph.neo4j.GraphDataScience;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A give-back collects with the ratio the JVM was started with and leaves the working
 * ratio, under which G1 does not shrink the heap; on this test's own JVM.
 */
class HeapGiveBackTests {

	private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

	/** As it was before this test: a server started earlier in this JVM sets it. */
	private String before;

	@BeforeEach
	void remember() {
		before = vm.getVMOption(HeapGiveBack.RATIO).getValue();
		// Read now, as a server's start would, before this test sets the working ratio
		// (run alone, nothing here has read it yet).
		assertThat(HeapGiveBack.STARTED_WITH).isNotNull();
	}

	@AfterEach
	void restore() {
		vm.setVMOption(HeapGiveBack.RATIO, before);
	}

	@Test
	void aGiveBackShrinksTheHeapGrownUnderTheWorkingRatioAndLeavesThatRatio() {
		vm.setVMOption(HeapGiveBack.RATIO, HeapGiveBack.WORKING);
		grow();
		System.gc();
		long heldWhileWorking = committed();

		new HeapGiveBack(GraphDataScience.onServer()).giveBack();

		assertThat(HeapGiveBack.STARTED_WITH).isNotEqualTo(HeapGiveBack.WORKING);
		assertThat(committed()).isLessThan(heldWhileWorking);
		assertThat(vm.getVMOption(HeapGiveBack.RATIO).getValue()).isEqualTo(HeapGiveBack.WORKING);
	}

	/** Commits some hundreds of megabytes of heap, then lets them go. */
	private static void grow() {
		List<byte[]> held = new ArrayList<>();
		for (int i = 0; i < 80; i++) {
			held.add(new byte[10 << 20]);
		}
		assertThat(held).hasSize(80);
	}

	private static long committed() {
		MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		return heap.getCommitted();
	}

}
