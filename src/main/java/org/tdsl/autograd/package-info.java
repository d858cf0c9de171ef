/**
 * The tape. {@link org.tdsl.autograd.Torch} holds every differentiable operation (PyTorch's
 * names); each records a {@link org.tdsl.autograd.Node} when {@link org.tdsl.autograd.GradMode}
 * is on and an input requires grad. {@link org.tdsl.autograd.Autograd} runs backward and grad()
 * with PyTorch's engine order, which {@link org.tdsl.autograd.Tape} prints.
 *
 * <p>Node names are PyTorch 1.13's, digit included ({@code MulBackward0}, {@code SumBackward1},
 * {@code AccumulateGrad}, {@code CopySlices}); error messages that quote a node use these
 * names too: {@code ... which is output 0 of MulBackward0, ...} and
 * {@code Function 'DivBackward0' returned nan values in its 1th output.}
 */
package org.tdsl.autograd;
