package io.tagcf.models.causal;

/** Row indices of the treated and control arms. */
public record ArmRows(int[] treated, int[] control) {

  public static ArmRows of(double[] treatment) {
    int n1 = 0;
    for (double t : treatment) {
      if (t == 1.0) {
        n1++;
      }
    }
    int[] treated = new int[n1];
    int[] control = new int[treatment.length - n1];
    int a = 0;
    int b = 0;
    for (int i = 0; i < treatment.length; i++) {
      if (treatment[i] == 1.0) {
        treated[a++] = i;
      } else {
        control[b++] = i;
      }
    }
    return new ArmRows(treated, control);
  }

  public int[] arm(int arm) {
    return arm == 1 ? treated : control;
  }
}
