// A catalog module as a user writes one, importing the package by name: `http-problems docs` reads it.
import { defineProblem } from 'http-problems'

export const typeBaseUrl = 'https://errors.example.com/problems'

export const OutOfCredit = defineProblem({
  name: 'OutOfCredit',
  status: 403,
  type: `${typeBaseUrl}/out-of-credit`,
  title: 'You do not have enough credit',
  description: 'The account balance does not cover the price of the request.',
  resolution: 'Top up the account, or make a cheaper request.',
  schema: { type: 'object', properties: { balance: { type: 'number' } }, required: ['balance'] },
  example: { extensions: { balance: 30 } },
})
