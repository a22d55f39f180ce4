/** Simulation state, exposition rendering and HTTP plumbing of the simulator; not API. */
package io.slamon.simulator.internal;
