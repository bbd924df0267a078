/** References the methods report cites, in APA-like form. */

export type CitationKey =
  | 'hyperband'
  | 'asha'
  | 'successiveHalving'
  | 'tpe'
  | 'optuna'
  | 'gpBo'
  | 'randomSearch'
  | 'kerasTuner'
  | 'tfjs';

export const CITATIONS: Record<CitationKey, { inText: string; reference: string }> = {
  hyperband: {
    inText: 'Li et al., 2018',
    reference:
      'Li, L., Jamieson, K., DeSalvo, G., Rostamizadeh, A., & Talwalkar, A. (2018). Hyperband: A novel bandit-based approach to hyperparameter optimization. Journal of Machine Learning Research, 18(185), 1–52.',
  },
  asha: {
    inText: 'Li et al., 2020',
    reference:
      'Li, L., Jamieson, K., Rostamizadeh, A., Gonina, E., Ben-tzur, J., Hardt, M., Recht, B., & Talwalkar, A. (2020). A system for massively parallel hyperparameter tuning. Proceedings of Machine Learning and Systems (MLSys), 2, 230–246.',
  },
  successiveHalving: {
    inText: 'Jamieson & Talwalkar, 2016',
    reference:
      'Jamieson, K., & Talwalkar, A. (2016). Non-stochastic best arm identification and hyperparameter optimization. Proceedings of the 19th International Conference on Artificial Intelligence and Statistics (AISTATS), PMLR 51, 240–248.',
  },
  tpe: {
    inText: 'Bergstra et al., 2011',
    reference:
      'Bergstra, J., Bardenet, R., Bengio, Y., & Kégl, B. (2011). Algorithms for hyper-parameter optimization. Advances in Neural Information Processing Systems 24 (NIPS 2011), 2546–2554.',
  },
  optuna: {
    inText: 'Akiba et al., 2019',
    reference:
      'Akiba, T., Sano, S., Yanase, T., Ohta, T., & Koyama, M. (2019). Optuna: A next-generation hyperparameter optimization framework. Proceedings of the 25th ACM SIGKDD International Conference on Knowledge Discovery & Data Mining, 2623–2631.',
  },
  gpBo: {
    inText: 'Snoek et al., 2012',
    reference:
      'Snoek, J., Larochelle, H., & Adams, R. P. (2012). Practical Bayesian optimization of machine learning algorithms. Advances in Neural Information Processing Systems 25 (NIPS 2012), 2951–2959.',
  },
  randomSearch: {
    inText: 'Bergstra & Bengio, 2012',
    reference:
      'Bergstra, J., & Bengio, Y. (2012). Random search for hyper-parameter optimization. Journal of Machine Learning Research, 13, 281–305.',
  },
  kerasTuner: {
    inText: "O'Malley et al., 2019",
    reference:
      "O'Malley, T., Bursztein, E., Long, J., Chollet, F., Jin, H., Invernizzi, L., et al. (2019). KerasTuner. https://github.com/keras-team/keras-tuner",
  },
  tfjs: {
    inText: 'Smilkov et al., 2019',
    reference:
      'Smilkov, D., Thorat, N., Assogba, Y., Nicholson, C., Kreeger, N., Yu, P., Cai, S., Nielsen, E., Soegel, D., Bileschi, S., Terry, M., Yuan, A., Zhang, K., Gupta, S., Sirajuddin, S., Sculley, D., Monga, R., Corrado, G., Viégas, F., & Wattenberg, M. (2019). TensorFlow.js: Machine learning for the web and beyond. Proceedings of Machine Learning and Systems (SysML), 1, 309–321.',
  },
};
