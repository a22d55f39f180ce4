/** slamon incident. */
package io.slamon.incident;
