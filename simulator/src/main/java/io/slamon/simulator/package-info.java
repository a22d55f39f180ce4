/** slamon simulator. */
package io.slamon.simulator;
