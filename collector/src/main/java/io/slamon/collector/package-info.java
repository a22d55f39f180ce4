/** slamon collector. */
package io.slamon.collector;
