package org.tdsl.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.Tensor;
import org.tdsl.tensor.TensorException;

/**
 * Operations composed of Torch's differentiable primitives (masked_fill, index_select,
 * scatter, mm, bmm, permute, sum), so that their gradients come with them: triu and tril,
 * diag and trace, addmm and baddbmm, einsum.
 */
public final class Composites {
  private Composites() {}

  /** The upper triangle of the last two dims: elements with col - row >= diagonal; the rest 0. */
  public static Tensor triu(Tensor a, int diagonal) {
    return NamedComposite.named("TriuBackward0", () -> triangle(a, diagonal, true));
  }

  /** The lower triangle of the last two dims: elements with col - row <= diagonal; the rest 0. */
  public static Tensor tril(Tensor a, int diagonal) {
    return NamedComposite.named("TrilBackward0", () -> triangle(a, diagonal, false));
  }

  private static Tensor triangle(Tensor a, int diagonal, boolean upper) {
    if (a.dim() < 2) throw new TensorException((upper ? "triu" : "tril") + ": input tensor must have at least 2 dimensions");
    int rows = a.size(a.dim() - 2), cols = a.size(a.dim() - 1);
    boolean[] outside = new boolean[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) outside[i * cols + j] = upper ? j - i < diagonal : j - i > diagonal;
    }
    return Torch.masked_fill(a, Tensor.of(outside, rows, cols), 0.0);
  }

  /** diag: a vector becomes a square matrix with it on diagonal k; a matrix gives its diagonal k. */
  public static Tensor diag(Tensor a, int k) {
    if (a.dim() == 1) {
      int len = a.size(0), n = len + Math.abs(k);
      long[] at = new long[len];
      for (int i = 0; i < len; i++) at[i] = k >= 0 ? (long) i * n + i + k : (long) (i - k) * n + i;
      Tensor flat = Torch.scatter(Tensor.zeros(a.dtype(), n * n), 0, Tensor.of(at, len), a);
      return Torch.reshape(flat, n, n);
    }
    if (a.dim() == 2) {
      int n = a.size(0), m = a.size(1);
      int len = Math.max(0, k >= 0 ? Math.min(n, m - k) : Math.min(n + k, m));
      long[] at = new long[len];
      for (int i = 0; i < len; i++) at[i] = k >= 0 ? (long) i * m + i + k : (long) (i - k) * m + i;
      return Torch.index_select(Torch.reshape(a, n * m), 0, Tensor.of(at, len));
    }
    throw new TensorException("matrix or a vector expected");
  }

  /** The sum of a matrix's main diagonal. */
  public static Tensor trace(Tensor a) {
    if (a.dim() != 2) throw new TensorException("trace: expected a matrix, but got tensor with dim " + a.dim());
    return Torch.sum(diag(a, 0));
  }

  /** beta * input + alpha * (m1 @ m2); with beta 0, input is ignored (its nan and inf too). */
  public static Tensor addmm(Tensor input, Tensor m1, Tensor m2, double beta, double alpha) {
    if (m1.dim() != 2 || m2.dim() != 2) throw new TensorException("addmm: expected 2D matrices for mat1 and mat2");
    return NamedComposite.named("AddmmBackward0", () -> scaledSum(input, Torch.mm(m1, m2), beta, alpha));
  }

  /** beta * input + alpha * (b1 @ b2), batch by batch. */
  public static Tensor baddbmm(Tensor input, Tensor b1, Tensor b2, double beta, double alpha) {
    if (b1.dim() != 3 || b2.dim() != 3) throw new TensorException("baddbmm: batch1 and batch2 must be 3D tensors");
    return NamedComposite.named("BaddbmmBackward0", () -> scaledSum(input, Torch.bmm(b1, b2), beta, alpha));
  }

  private static Tensor scaledSum(Tensor input, Tensor product, double beta, double alpha) {
    Tensor scaled = alpha == 1 ? product : Torch.mul(product, alpha);
    if (beta == 0) return scaled;
    return Torch.add(beta == 1 ? input : Torch.mul(input, beta), scaled);
  }

  /**
   * einsum over one or two operands: "ij,jk->ik", "bij,bjk->bik", "i,i->", "ij->ji", "ii->i",
   * "ij->", "bi,bi->b", "i,j->ij", and the implicit form without "->" (the letters that occur
   * once, in alphabetical order). Two operands contract with one bmm: their letters are sorted
   * into batch (in both and kept), contracted (in both, summed), and each side's own.
   */
  public static Tensor einsum(String equation, List<Tensor> operands) {
    String eq = equation.replace(" ", "");
    if (eq.contains(".")) throw new TensorException("einsum(): tdsl does not support '...' in the equation yet");
    int arrow = eq.indexOf("->");
    String lhs = arrow < 0 ? eq : eq.substring(0, arrow);
    String[] terms = lhs.split(",", -1);
    if (terms.length != operands.size()) {
      throw new TensorException("einsum(): more operands were provided than specified in the equation".replace(
          "more", terms.length < operands.size() ? "more" : "fewer"));
    }
    if (terms.length > 2) throw new TensorException("einsum(): tdsl contracts one or two operands at a time");
    String out = arrow >= 0 ? eq.substring(arrow + 2) : implicitOutput(lhs);
    List<String> subs = new ArrayList<>();
    List<Tensor> ts = new ArrayList<>();
    for (int k = 0; k < terms.length; k++) {
      Tensor t = operands.get(k);
      String s = terms[k];
      if (s.length() != t.dim()) {
        throw new TensorException("einsum(): the number of subscripts in the equation (" + s.length()
            + ") does not match the number of dimensions (" + t.dim() + ") for operand " + k + " and no ellipsis was given");
      }
      for (char c : s.toCharArray()) if (!Character.isLetter(c)) throw new TensorException("einsum(): invalid subscript given in the equation string: " + c);
      if (s.length() == 2 && s.charAt(0) == s.charAt(1)) {
        t = diag(t, 0);
        s = s.substring(1);
      } else if (s.chars().distinct().count() != s.length()) {
        throw new TensorException("einsum(): tdsl takes a repeated subscript only as a matrix's diagonal ('ii')");
      }
      subs.add(s);
      ts.add(t);
    }
    for (char c : out.toCharArray()) {
      if (subs.stream().noneMatch(s -> s.indexOf(c) >= 0)) {
        throw new TensorException("einsum(): output subscript " + c + " does not appear in the equation for any input operand");
      }
    }
    if (ts.size() == 1) return arrange(sumOut(ts.get(0), subs.get(0), out), keep(subs.get(0), out), out);
    return contract(ts.get(0), subs.get(0), ts.get(1), subs.get(1), out);
  }

  private static String implicitOutput(String lhs) {
    StringBuilder sb = new StringBuilder();
    lhs.chars().filter(Character::isLetter).distinct().sorted()
        .filter(c -> lhs.chars().filter(x -> x == c).count() == 1).forEach(c -> sb.append((char) c));
    return sb.toString();
  }

  /** Sums t over the letters of s that are in neither `keep` string. */
  private static Tensor sumOut(Tensor t, String s, String... keep) {
    List<Integer> dims = new ArrayList<>();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Arrays.stream(keep).noneMatch(k -> k.indexOf(c) >= 0)) dims.add(i);
    }
    if (dims.isEmpty()) return t;
    return Torch.sum(t, dims.stream().mapToInt(Integer::intValue).toArray(), false);
  }

  private static String keep(String s, String... keep) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) if (Arrays.stream(keep).anyMatch(k -> k.indexOf(c) >= 0)) sb.append(c);
    return sb.toString();
  }

  /** Permutes t, whose dims carry the letters `have`, into the order `want`. */
  private static Tensor arrange(Tensor t, String have, String want) {
    if (have.equals(want)) return t;
    int[] perm = new int[want.length()];
    for (int i = 0; i < perm.length; i++) perm[i] = have.indexOf(want.charAt(i));
    return Torch.permute(t, perm);
  }

  private static Tensor contract(Tensor a, String sa, Tensor b, String sb, String out) {
    // letters only one side has and the output drops are summed away first
    a = sumOut(a, sa, sb, out);
    sa = keep(sa, sb, out);
    b = sumOut(b, sb, sa, out);
    sb = keep(sb, sa, out);
    String batch = "", contracted = "", left = "", right = "";
    for (char c : sa.toCharArray()) {
      boolean inB = sb.indexOf(c) >= 0, inOut = out.indexOf(c) >= 0;
      if (inB && inOut) batch += c;
      else if (inB) contracted += c;
      else left += c;
    }
    for (char c : sb.toCharArray()) if (sa.indexOf(c) < 0) right += c;
    int nb = sizes(a, sa, b, sb, batch), nc = sizes(a, sa, b, sb, contracted);
    int nl = sizes(a, sa, b, sb, left), nr = sizes(a, sa, b, sb, right);
    Tensor a3 = Torch.reshape(arrange(a, sa, batch + left + contracted), nb, nl, nc);
    Tensor b3 = Torch.reshape(arrange(b, sb, batch + contracted + right), nb, nc, nr);
    if (a3.dtype() != b3.dtype()) {
      DType common = a3.dtype() == DType.FLOAT32 || b3.dtype() == DType.FLOAT32 ? DType.FLOAT32 : DType.INT64;
      a3 = Torch.to(a3, common);
      b3 = Torch.to(b3, common);
    }
    Tensor product = Torch.bmm(a3, b3);
    String letters = batch + left + right;
    int[] shape = new int[letters.length()];
    for (int i = 0; i < shape.length; i++) shape[i] = size(a, sa, b, sb, letters.charAt(i));
    return arrange(Torch.reshape(product, shape), letters, out);
  }

  private static int sizes(Tensor a, String sa, Tensor b, String sb, String letters) {
    int n = 1;
    for (char c : letters.toCharArray()) n *= size(a, sa, b, sb, c);
    return n;
  }

  private static int size(Tensor a, String sa, Tensor b, String sb, char c) {
    int ia = sa.indexOf(c), ib = sb.indexOf(c);
    if (ia >= 0 && ib >= 0 && a.size(ia) != b.size(ib)) {
      throw new TensorException("einsum(): operands do not broadcast with remapped shapes (original->remapped): "
          + "subscript " + c + " has size " + a.size(ia) + " for operand 0 which does not broadcast with previously seen size " + b.size(ib));
    }
    return ia >= 0 ? a.size(ia) : b.size(ib);
  }
}
